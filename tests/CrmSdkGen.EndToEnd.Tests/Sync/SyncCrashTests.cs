using System.Diagnostics;
using System.Reflection;
using System.Text.Json.Nodes;
using CrmSdkGen.Runtime.Sync;
using Xunit.Abstractions;

namespace CrmSdkGen.EndToEnd.Tests.Sync;

/// <summary>
/// Starts a sync in a child process and kills it at random moments while the CRM keeps changing; afterwards one
/// complete sync must leave the store equal to the CRM, with every locally created contact created exactly once.
/// </summary>
public sealed class SyncCrashTests(ITestOutputHelper output)
{
    private const int KillsWanted = 20;

    [Fact]
    public async Task A_sync_killed_at_random_moments_resumes_without_losing_or_duplicating_a_record()
    {
        await using var harness = await SyncHarness.StartAsync();
        harness.Server.LogRequests = false;
        harness.Server.PageDelay = TimeSpan.FromMilliseconds(25);
        var ids = harness.Seed(400);
        var random = new Random(20261128);
        var kills = 0;
        var run = 0;
        for (; kills < KillsWanted && run < 80; run++)
        {
            ChangeServer(harness, ids, random);
            var (started, finished) = await RunWorkerAsync(harness, run, killAfter: TimeSpan.FromMilliseconds(random.Next(0, 250)));
            if (started && !finished)
            {
                kills++;
            }
        }

        output.WriteLine($"{kills} kills in the middle of a sync over {run} runs");
        Assert.True(kills >= KillsWanted, $"Only {kills} of {run} runs were killed in the middle of a sync.");

        var (_, completed) = await RunWorkerAsync(harness, run, killAfter: null);
        Assert.True(completed);
        harness.Server.PageDelay = TimeSpan.Zero;
        using var store = new SqliteSyncStore(harness.StorePath);
        Assert.Empty(await store.GetPendingAsync());
        await SyncHarness.AssertStoreEqualsServer(store, harness.Server);
        var workerEmails = harness.Server.Contacts.Snapshot().Values
            .Select(contact => (string?)contact["email"])
            .Where(email => email!.StartsWith("worker-", StringComparison.Ordinal))
            .ToList();
        Assert.Equal(workerEmails.Count, workerEmails.Distinct(StringComparer.Ordinal).Count());
        Assert.Contains($"worker-{run}@example.com", workerEmails);
    }

    // Other users of the CRM: edits, archives and new contacts between two runs.
    private static void ChangeServer(SyncHarness harness, List<string> ids, Random random)
    {
        for (var i = 0; i < 40; i++)
        {
            harness.Server.Contacts.Update(ids[random.Next(ids.Count)], new JsonObject { ["lastName"] = "Edited " + random.Next(1000) });
        }

        for (var i = 0; i < 5; i++)
        {
            harness.Server.Contacts.Archive(ids[random.Next(ids.Count)]);
        }

        ids.AddRange(harness.Seed(10, "run" + random.Next()));
    }

    private static async Task<(bool Started, bool Finished)> RunWorkerAsync(SyncHarness harness, int run, TimeSpan? killAfter)
    {
        var worker = typeof(SyncCrashTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "SyncWorker").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { worker, harness.Server.BaseAddress.ToString(), SyncHarness.ApiKey, harness.StorePath, run.ToString(System.Globalization.CultureInfo.InvariantCulture) })
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
