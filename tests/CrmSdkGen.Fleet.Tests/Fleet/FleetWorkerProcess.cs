using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;

namespace CrmSdkGen.Fleet.Tests.Fleet;

/// <summary>A worker of the fleet sample in a process of its own, which a test kills with SIGKILL or pauses with SIGSTOP.</summary>
public sealed class FleetWorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly List<string> _errors = new();
    private bool _disposed;

    private FleetWorkerProcess(Process process) => _process = process;

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
            {
                return _errors.ToList();
            }
        }
    }

    public static FleetWorkerProcess Start(string connectionString, Uri crm, string keysFile, TimeSpan lease, TimeSpan poll)
    {
        var worker = typeof(FleetWorkerProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(attribute => attribute.Key == "FleetWorker").Value!;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { worker, "worker", connectionString, crm.ToString(), keysFile, ((int)lease.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture), ((int)poll.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new FleetWorkerProcess(Process.Start(start)!);
        process._process.OutputDataReceived += (_, line) => process.Keep(line.Data);
        process._process.ErrorDataReceived += (_, line) => process.Keep(line.Data);
        process._process.BeginOutputReadLine();
        process._process.BeginErrorReadLine();
        return process;
    }

    /// <summary>SIGKILL: the process ends at once, whatever it was doing (paused or not).</summary>
    public void Kill()
    {
        if (!_disposed && !_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }
    }

    /// <summary>SIGSTOP for <paramref name="duration"/>, then SIGCONT: the process stops mid-step and goes on as if nothing happened.</summary>
    public async Task PauseAsync(TimeSpan duration)
    {
        Signal(19);
        await Task.Delay(duration);
        Signal(18);
    }

    public void Dispose()
    {
        Kill();
        _disposed = true;
        _process.Dispose();
    }

    [DllImport("libc", SetLastError = true, EntryPoint = "kill")]
    private static extern int SendSignal(int pid, int signal);

    private void Signal(int signal)
    {
        // A worker killed and replaced while it was paused is gone: there is nothing left to signal.
        if (!_disposed && !_process.HasExited)
        {
            SendSignal(_process.Id, signal);
        }
    }

    private void Keep(string? line)
    {
        // Errors and failed runs, for the test's message; a worker's warnings about lost leases are expected here.
        if (line is not null && (line.Contains("fail", StringComparison.OrdinalIgnoreCase) || line.Contains("Unhandled", StringComparison.Ordinal)))
        {
            lock (_errors)
            {
                _errors.Add(line);
            }
        }
    }
}
