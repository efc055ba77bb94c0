using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Sync;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>
/// One worker of the fleet: it leases one account at a time whose jobs are due (<c>FOR UPDATE SKIP LOCKED</c>, so
/// workers never wait for each other), runs those jobs one after the other while renewing the lease, records how they
/// ended, and gives the account back. Run as many workers, in as many processes and machines, as the jobs need; a worker
/// that dies holds its account until its lease expires, and a worker whose lease was taken over can no longer write.
/// </summary>
public sealed class FleetWorker : IDisposable
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly FleetOptions _options;
    private readonly ILogger _logger;
    private readonly HttpMessageHandler _handler;
    private readonly bool _ownsHandler;
    private readonly ConcurrentDictionary<string, ApiCredential> _credentials = new(StringComparer.Ordinal);

    /// <summary>A worker on <paramref name="dataSource"/>.</summary>
    /// <param name="dataSource">The fleet's database; the caller disposes it.</param>
    /// <param name="options">The resources, credentials and timings.</param>
    /// <param name="loggerFactory">Where the worker logs job outcomes (never a credential or a record).</param>
    /// <param name="handler">The handler that sends requests to the CRMs; a new SocketsHttpHandler when null.</param>
    public FleetWorker(NpgsqlDataSource dataSource, FleetOptions options, ILoggerFactory? loggerFactory = null, HttpMessageHandler? handler = null)
    {
        _dataSource = dataSource ?? throw new ArgumentNullException(nameof(dataSource));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.Credentials is null)
        {
            throw new ArgumentException("The fleet needs a credential provider (FleetOptions.Credentials).", nameof(options));
        }

        PostgreSqlSchema.RequireName(options.Schema);
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger("CrmSdkGen.Fleet");
        _ownsHandler = handler is null;
        _handler = handler ?? new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
    }

    /// <summary>Runs due accounts until <paramref name="cancellationToken"/> is cancelled, waiting while nothing is due.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            bool ran;
            try
            {
                ran = await RunDueAccountAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                // The database is unreachable for a moment: its leases expire on their own, so wait and look again.
                _logger.LogWarning(exception, "The fleet database did not answer; trying again.");
                ran = false;
            }

            if (!ran)
            {
                var wait = _options.PollInterval * (1 + (Random.Shared.NextDouble() / 2));
                await Task.Delay(wait, cancellationToken).ContinueWith(static _ => { }, TaskScheduler.Default).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Leases one account with due jobs, runs them and gives it back; false when no account was due.</summary>
    public async Task<bool> RunDueAccountAsync(CancellationToken cancellationToken = default)
    {
        using var lease = await FleetLease.TryAcquireAsync(_dataSource, _options.Schema, _options.WorkerId, _options.LeaseDuration, cancellationToken).ConfigureAwait(false);
        if (lease is null)
        {
            return false;
        }

        FleetMetrics.LeasesAcquired.Add(1, FleetMetrics.Account(lease.Account));
        if (lease.PreviousOwner is not null)
        {
            FleetMetrics.LeasesTakenOver.Add(1, FleetMetrics.Account(lease.Account));
            _logger.LogInformation("Took over account {Account} from {PreviousWorker}, whose lease expired (fencing token {Fence}).", lease.Account, lease.PreviousOwner, lease.Fence);
        }

        using var run = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.LostToken);
        using var stopRenewing = new CancellationTokenSource();
        var renewing = RenewAsync(lease, stopRenewing.Token);
        try
        {
            foreach (var job in await FleetJobRecorder.DueJobsAsync(_dataSource, _options.Schema, lease, run.Token).ConfigureAwait(false))
            {
                if (run.IsCancellationRequested || !await RunJobAsync(lease, job, run.Token).ConfigureAwait(false))
                {
                    break;
                }
            }
        }
        catch (OperationCanceledException) when (lease.IsLost && !cancellationToken.IsCancellationRequested)
        {
            // Counted and logged below.
        }
        finally
        {
            stopRenewing.Cancel();
            await renewing.ConfigureAwait(false);
        }

        if (lease.IsLost)
        {
            FleetMetrics.LeasesLost.Add(1, FleetMetrics.Account(lease.Account));
            _logger.LogWarning("Lost the lease on account {Account} (fencing token {Fence}); its runs stopped without writing.", lease.Account, lease.Fence);
        }
        else
        {
            await lease.ReleaseAsync(CancellationToken.None).ConfigureAwait(false);
        }

        return true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsHandler)
        {
            _handler.Dispose();
        }
    }

    // Returns false when the account's other jobs must not run now (its lease is lost or it was paused).
    private async Task<bool> RunJobAsync(FleetLease lease, FleetDueJob job, CancellationToken cancellationToken)
    {
        var tags = FleetMetrics.Job(lease.Account, job.Resource);
        using var activity = FleetMetrics.Activities.StartActivity("fleet.job " + job.Resource, ActivityKind.Internal);
        activity?.SetTag("crmsdkgen.fleet.account", lease.Account);
        activity?.SetTag("crmsdkgen.fleet.resource", job.Resource);
        activity?.SetTag("crmsdkgen.fleet.fence", lease.Fence);
        if (job.LastSuccess is { } last)
        {
            FleetMetrics.JobLag.Record((DateTimeOffset.UtcNow - last).TotalSeconds, tags);
        }

        var started = Stopwatch.GetTimestamp();
        try
        {
            var result = await SyncAsync(lease, job, cancellationToken).ConfigureAwait(false);
            await FleetJobRecorder.SucceededAsync(_dataSource, _options.Schema, lease, job, cancellationToken).ConfigureAwait(false);
            FleetMetrics.RecordsPulled.Add(result.Created + result.Updated + result.Deleted, tags);
            FleetMetrics.RecordsPushed.Add(result.PushedCreates + result.PushedUpdates + result.PushedDeletes, tags);
            Ended(tags, "success", started);
            activity?.SetStatus(ActivityStatusCode.Ok);
            return true;
        }
        catch (Exception exception) when (exception is FleetLeaseLostException || (exception is OperationCanceledException && lease.IsLost))
        {
            Ended(tags, "lease_lost", started);
            activity?.SetStatus(ActivityStatusCode.Error, "lease lost");
            lease.MarkLost();
            return false;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Ended(tags, "failure", started);
            FleetMetrics.JobFailures.Add(1, tags);
            activity?.SetStatus(ActivityStatusCode.Error, exception.GetType().Name);
            return await RecordFailureAsync(lease, job, exception, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<SyncResult> SyncAsync(FleetLease lease, FleetDueJob job, CancellationToken cancellationToken)
    {
        if (!_options.Resources.TryGetValue(job.Resource, out var adapterFor))
        {
            throw new InvalidOperationException($"This worker has no resource '{job.Resource}' (FleetOptions.AddResource).");
        }

        if (!_credentials.TryGetValue(lease.Account, out var credential))
        {
            credential = await _options.Credentials!.GetCredentialAsync(lease.Account, cancellationToken).ConfigureAwait(false);
            _credentials[lease.Account] = credential;
        }

        using var http = new HttpClient(new FleetRateGate(_dataSource, _options.Schema, lease, _options.RateMargin, _handler), disposeHandler: false);
        http.BaseAddress = _options.BaseAddress?.Invoke(lease.Account);
        var adapter = adapterFor(new FleetJobContext(lease.Account, job.Resource, credential, http));
        var store = new PostgreSqlSyncStore(_dataSource, lease.Account, job.Resource, _options.Schema, lease.VerifyAsync);
        var engine = new SyncEngine(adapter, store, _options.SyncOptions?.Invoke(lease.Account, job.Resource));
        return await engine.SyncAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> RecordFailureAsync(FleetLease lease, FleetDueJob job, Exception exception, CancellationToken cancellationToken)
    {
        var error = Describe(exception);
        if (exception is ApiException { StatusCode: 401 or 403 } denied)
        {
            _credentials.TryRemove(lease.Account, out _);
            var paused = await FleetJobRecorder.AuthFailedAsync(_dataSource, _options.Schema, lease, error, _options.PauseAfterAuthFailures, cancellationToken).ConfigureAwait(false);
            if (paused is not null)
            {
                _logger.LogError("Paused account {Account} after {Count} answers of {Status} in a row: {Reason}", lease.Account, _options.PauseAfterAuthFailures, denied.StatusCode, paused);
                await FleetJobRecorder.FailedAsync(_dataSource, _options.Schema, lease, job, error, _options, cancellationToken).ConfigureAwait(false);
                return false;
            }
        }

        var (failures, failed) = await FleetJobRecorder.FailedAsync(_dataSource, _options.Schema, lease, job, error, _options, cancellationToken).ConfigureAwait(false);
        if (failed is not null)
        {
            _logger.LogError("Job {Account}/{Resource} failed {Failures} times in a row and is no longer run until resumed: {Error}", lease.Account, job.Resource, failures, error);
        }
        else
        {
            _logger.LogWarning("Job {Account}/{Resource} failed ({Failures} in a row); it runs again after a backoff: {Error}", lease.Account, job.Resource, failures, error);
        }

        return true;
    }

    // The exception's type and message: an ApiException's message names the status and operation, never the request's
    // headers; the body, which may hold personal data, is left out.
    private static string Describe(Exception exception)
    {
        var text = exception is ApiException api ? $"{api.StatusCode}: {exception.GetType().Name}" : $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= 500 ? text : text[..500];
    }

    private static void Ended(TagList tags, string outcome, long started)
    {
        var withOutcome = tags;
        withOutcome.Add("crmsdkgen.fleet.outcome", outcome);
        FleetMetrics.JobRuns.Add(1, withOutcome);
        FleetMetrics.JobDuration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
    }

    private async Task RenewAsync(FleetLease lease, CancellationToken stop)
    {
        var every = _options.LeaseDuration / 3;
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(every, stop).ConfigureAwait(false);
                if (!await lease.RenewAsync(_options.LeaseDuration, stop).ConfigureAwait(false))
                {
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                // Renewal is tried again; if the lease expires meanwhile, the next commit or request finds out.
                _logger.LogWarning(exception, "Could not renew the lease on account {Account}.", lease.Account);
            }
        }
    }
}
