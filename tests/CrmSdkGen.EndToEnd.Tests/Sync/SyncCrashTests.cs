using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Sync;
using CrmSdkGen.Sync.Sqlite;
using Xunit.Abstractions;

namespace CrmSdkGen.EndToEnd.Tests.Sync;

/// <summary>
/// Starts a sync in a child process and kills it at random moments while the CRM keeps changing between kills, in every
/// pull mode; afterwards one complete sync must leave the store equal to the CRM, with every locally created contact
/// created exactly once.
/// </summary>
public sealed class SyncCrashTests(ITestOutputHelper output)
{
    private const int KillsWanted = 8;

    public static TheoryData<string> Modes => new() { "full", "watermark", "deltaToken", "search" };

    [Theory]
    [MemberData(nameof(Modes))]
    public async Task A_sync_killed_at_random_moments_resumes_without_losing_or_duplicating_a_record(string mode)
    {
        await using var crm = await SyncModeServer.StartAsync(mode);
        crm.SlowPages(TimeSpan.FromMilliseconds(40));
        var directory = Directory.CreateTempSubdirectory("crmsdkgen-crash").FullName;
        var storePath = Path.Combine(directory, "crash.db");
        var random = new Random(20261128);
        var kills = 0;
        var run = 0;
        for (; kills < KillsWanted && run < 40; run++)
        {
            crm.Scenario.ChangeServer(random);
            var (started, finished) = await RunWorkerAsync(crm, storePath, run, killAfter: TimeSpan.FromMilliseconds(random.Next(0, 200)));
            if (started && !finished)
            {
                kills++;
            }
        }

        output.WriteLine($"{mode}: {kills} kills in the middle of a sync over {run} runs");
        Assert.True(kills >= KillsWanted, $"Only {kills} of {run} runs were killed in the middle of a sync.");

        crm.Scenario.ChangeServer(random);
        var (_, completed) = await RunWorkerAsync(crm, storePath, run, killAfter: null);
        Assert.True(completed);
        using (var store = new SqliteSyncStore(storePath))
        {
            Assert.Empty(await store.GetPendingAsync());
            await crm.Scenario.AssertStoreEqualsServer(store);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(directory, recursive: true);
        if (crm.Scenario.CreatesLocally)
        {
            var workerEmails = crm.LiveRecords().Select(record => (string?)record["email"]).Where(email => email?.StartsWith("worker-", StringComparison.Ordinal) == true).ToList();
            Assert.Equal(workerEmails.Count, workerEmails.Distinct(StringComparer.Ordinal).Count());
            Assert.Contains($"worker-{run}@example.com", workerEmails);
        }
    }

    private static async Task<(bool Started, bool Finished)> RunWorkerAsync(SyncModeServer crm, string storePath, int run, TimeSpan? killAfter)
    {
        var worker = typeof(SyncCrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "SyncWorker").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { worker, crm.Mode, crm.Worker.BaseAddress.ToString(), crm.Worker.Credential, storePath, run.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var syncing = new TaskCompletionSource();
        var finished = false;
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data == "syncing")
            {
                syncing.TrySetResult();
            }

            finished |= line.Data?.StartsWith("done", StringComparison.Ordinal) == true;
        };
        var errors = process.StandardError.ReadToEndAsync();
        process.BeginOutputReadLine();
        var exited = process.WaitForExitAsync();
        if (killAfter is { } delay)
        {
            // The kill lands a random time after the sync started (or not at all, when the sync is over by then).
            await Task.WhenAny(syncing.Task, exited);
            await Task.WhenAny(Task.Delay(delay), exited);
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync();
                return (syncing.Task.IsCompleted, false);
            }
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"The worker failed with exit code {process.ExitCode}: {await errors}");
        return (syncing.Task.IsCompleted, finished);
    }
}
