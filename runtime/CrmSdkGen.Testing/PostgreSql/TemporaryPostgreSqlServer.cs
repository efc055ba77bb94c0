using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Testing.PostgreSql;

/// <summary>
/// A private PostgreSQL cluster for tests: made with the machine's own <c>initdb</c> in a temporary folder, started with
/// <c>pg_ctl</c> on a free port of 127.0.0.1 (as the <c>postgres</c> user, or <c>nobody</c>, when the tests run as root,
/// which PostgreSQL refuses), and stopped and deleted on dispose. Nothing needs to be started beforehand; the binaries
/// are found on PATH or in Debian's versioned folder (<c>/usr/lib/postgresql/&lt;version&gt;/bin</c>).
/// </summary>
/// <remarks>
/// The cluster trusts local connections and runs without fsync: it is for tests, where the processes that are killed
/// are the clients, never the server.
/// </remarks>
public sealed class TemporaryPostgreSqlServer : IAsyncDisposable
{
    private const string User = "crmsdkgen";
    private readonly string _folder;
    private readonly string _bin;
    private readonly string? _runAs;
    private int _databases;

    private TemporaryPostgreSqlServer(string folder, string bin, string? runAs, int port)
    {
        _folder = folder;
        _bin = bin;
        _runAs = runAs;
        Port = port;
    }

    /// <summary>The loopback port the server listens on.</summary>
    public int Port { get; }

    /// <summary>The connection string of the cluster's <c>postgres</c> database.</summary>
    public string ConnectionString => ConnectionStringFor("postgres");

    /// <summary>The folder of the PostgreSQL binaries used, or null when none is installed.</summary>
    public static string? FindBinaries()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl")));
        if (onPath is not null)
        {
            // Debian links the binaries of its default version into PATH; the folder they live in has the others too.
            var initdb = new FileInfo(Path.Combine(onPath, "initdb"));
            return initdb.ResolveLinkTarget(returnFinalTarget: true) is { } target ? Path.GetDirectoryName(target.FullName) ?? onPath : onPath;
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(folder => Path.Combine(folder, "bin"))
                .Where(folder => File.Exists(Path.Combine(folder, "initdb")))
                .OrderByDescending(folder => int.TryParse(Path.GetFileName(Path.GetDirectoryName(folder)), out var version) ? version : 0)
                .FirstOrDefault()
            : null;
    }

    /// <summary>Makes and starts a new cluster.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL's server binaries are not installed, or the cluster did not start (with its log).</exception>
    public static async Task<TemporaryPostgreSqlServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException(
            "PostgreSQL's server binaries (initdb, pg_ctl) were found neither on PATH nor in /usr/lib/postgresql/<version>/bin; on Debian or Ubuntu install them with 'apt-get install postgresql'.");
        var runAs = Environment.IsPrivilegedProcess ? FirstUser("postgres", "nobody") : null;
        var folder = Directory.CreateTempSubdirectory("crmsdkgen-pg").FullName;
        var server = new TemporaryPostgreSqlServer(folder, bin, runAs, FreePort());
        try
        {
            if (runAs is not null)
            {
                await server.RunAsync("chown", cancellationToken, false, runAs, folder).ConfigureAwait(false);
            }

            var data = Path.Combine(folder, "data");
            await server.RunAsync(Path.Combine(bin, "initdb"), cancellationToken, true, "-D", data, "-U", User, "--auth=trust", "-E", "UTF8", "--no-sync").ConfigureAwait(false);
            var settings = $"-p {server.Port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200";
            await server.RunAsync(Path.Combine(bin, "pg_ctl"), cancellationToken, true, "-D", data, "-o", settings, "-l", Path.Combine(folder, "server.log"), "-w", "-t", "60", "start").ConfigureAwait(false);
            return server;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var log = Path.Combine(folder, "server.log");
            var detail = File.Exists(log) ? File.ReadAllText(log) : string.Empty;
            await server.DisposeAsync().ConfigureAwait(false);
            throw new InvalidOperationException($"The temporary PostgreSQL cluster did not start: {exception.Message}\n{detail}", exception);
        }
    }

    /// <summary>The connection string of <paramref name="database"/> in this cluster.</summary>
    public string ConnectionStringFor(string database) => $"Host=127.0.0.1;Port={Port};Username={User};Database={database}";

    /// <summary>Creates a new empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string? name = null, CancellationToken cancellationToken = default)
    {
        name ??= "test" + Interlocked.Increment(ref _databases);
        var createdb = File.Exists(Path.Combine(_bin, "createdb")) ? Path.Combine(_bin, "createdb") : "createdb";
        await RunAsync(createdb, cancellationToken, false, "-h", "127.0.0.1", "-p", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "-U", User, name).ConfigureAwait(false);
        return ConnectionStringFor(name);
    }

    /// <summary>Stops the server at once and deletes its folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(_folder, "data", "postmaster.pid")))
        {
            try
            {
                await RunAsync(Path.Combine(_bin, "pg_ctl"), CancellationToken.None, true, "-D", Path.Combine(_folder, "data"), "-m", "immediate", "-w", "stop").ConfigureAwait(false);
            }
            catch (InvalidOperationException)
            {
                // A server that is already gone leaves only its folder to delete.
            }
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the temporary folder's cleanup.
        }
    }

    private async Task RunAsync(string program, CancellationToken cancellationToken, bool asServerUser, params string[] arguments)
    {
        var start = new ProcessStartInfo { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (asServerUser && _runAs is not null)
        {
            start.FileName = "runuser";
            foreach (var argument in new[] { "-u", _runAs, "--", program })
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} exited with {process.ExitCode}: {await error.ConfigureAwait(false)}{await output.ConfigureAwait(false)}");
        }
    }

    private static string FirstUser(params string[] names)
    {
        var passwd = File.Exists("/etc/passwd") ? File.ReadAllLines("/etc/passwd") : Array.Empty<string>();
        return names.FirstOrDefault(name => passwd.Any(line => line.StartsWith(name + ":", StringComparison.Ordinal)))
            ?? throw new InvalidOperationException("PostgreSQL does not run as root, and neither a 'postgres' nor a 'nobody' user exists to run it.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
