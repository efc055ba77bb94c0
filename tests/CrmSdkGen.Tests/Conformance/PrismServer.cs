using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// The Prism mock server (tools/prism, installed there on first use) serving one spec on 127.0.0.1. With -d it answers
/// with generated data that fits the spec, and it rejects requests that break the spec with 422.
/// </summary>
internal sealed class PrismServer : IAsyncDisposable
{
    private static readonly SemaphoreSlim InstallGate = new(1, 1);
    private readonly Process _process;
    private readonly System.Collections.Concurrent.ConcurrentQueue<string> _violations = new();

    private PrismServer(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The request violations Prism logged since the last call, which explain a 422 or a declared 400.</summary>
    public string TakeViolations()
    {
        var lines = new List<string>();
        while (_violations.TryDequeue(out var line))
        {
            lines.Add(line);
        }

        return string.Join(" | ", lines);
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<int, bool> _verdicts = new();
    private int _received;

    /// <summary>How many requests Prism has logged as received.</summary>
    public int RequestsReceived => Volatile.Read(ref _received);

    /// <summary>
    /// Whether Prism's validator passed every request it received after the first <paramref name="before"/>, waiting for
    /// its verdict on each (Prism logs it just after answering).
    /// </summary>
    /// <exception cref="TimeoutException">Prism gave no verdict on one of them within 10 seconds.</exception>
    public async Task<bool> PassedValidationAsync(int before)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var received = RequestsReceived;
            var verdicts = Enumerable.Range(before + 1, Math.Max(0, received - before)).Select(request => _verdicts.TryGetValue(request, out var passed) ? passed : (bool?)null).ToList();
            if (verdicts.Count > 0 && verdicts.All(verdict => verdict is not null))
            {
                return verdicts.All(verdict => verdict == true);
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Prism gave no verdict on requests {before + 1} to {received} within 10 s.");
            }

            await Task.Delay(20);
        }
    }

    private void Record(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("[HTTP SERVER]", StringComparison.Ordinal) && line.Contains("Request received", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _received);
        }
        else if (line.Contains("The request passed the validation rules", StringComparison.Ordinal))
        {
            _verdicts[RequestsReceived] = true;
        }
        else if (line.Contains("Request did not pass the validation rules", StringComparison.Ordinal) || line.Contains("Request terminated with error", StringComparison.Ordinal))
        {
            _verdicts[RequestsReceived] = false;
        }

        if (line.Contains("Violation:", StringComparison.Ordinal))
        {
            _violations.Enqueue(line[(line.IndexOf("Violation:", StringComparison.Ordinal) + "Violation:".Length)..].Trim());
        }
    }

    public static async Task<PrismServer> StartAsync(string specPath)
    {
        var prism = await EnsureInstalledAsync();
        var port = FreePort();
        var start = new ProcessStartInfo(prism) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "mock", "-h", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-d", specPath })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start)!;
        var server = new PrismServer(process, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, line) => server.Record(line.Data);
        process.ErrorDataReceived += (_, line) => server.Record(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < deadline)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Prism exited with code {process.ExitCode} for {specPath}.");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return server;
            }
            catch (SocketException)
            {
                await Task.Delay(250);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException($"Prism did not listen on port {port} within 120 s for {specPath}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>The path of a tool of tools/prism (prism, newman), installing them on first use.</summary>
    internal static async Task<string> EnsureInstalledAsync(string tool = "prism")
    {
        var tools = Path.Combine(RepositoryPaths.Root(), "tools", "prism");
        var prism = Path.Combine(tools, "node_modules", ".bin", tool);
        await InstallGate.WaitAsync();
        try
        {
            if (!File.Exists(prism) || !File.Exists(Path.Combine(tools, "node_modules", ".bin", "newman")))
            {
                var install = new ProcessStartInfo("npm") { WorkingDirectory = tools, RedirectStandardOutput = true, RedirectStandardError = true };
                foreach (var argument in new[] { "install", "--no-audit", "--no-fund", "--no-package-lock" })
                {
                    install.ArgumentList.Add(argument);
                }

                using var process = Process.Start(install) ?? throw new InvalidOperationException("npm is needed to install the Prism mock server.");
                var output = process.StandardOutput.ReadToEndAsync();
                var error = process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                if (process.ExitCode != 0 || !File.Exists(prism))
                {
                    throw new InvalidOperationException($"npm install of Prism and newman failed ({process.ExitCode}): {await output}{await error}");
                }
            }
        }
        finally
        {
            InstallGate.Release();
        }

        return prism;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
