using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Keeps a local copy of one CRM resource current, S(t+1) = S(t) + ΔS(t): pulls what changed in the CRM into an
/// <see cref="ISyncStore"/>, pushes what changed locally, and resolves records changed on both sides by
/// <see cref="SyncOptions.Conflicts"/>. Local changes go through this engine so that they reach the outbox. One engine
/// (one process) syncs a store at a time.
/// </summary>
public sealed class SyncEngine
{
    private readonly SyncAdapter _adapter;
    private readonly ISyncStore _store;
    private readonly SyncPuller _puller;
    private readonly SyncPusher _pusher;
    private readonly SyncRefresher _refresher;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Creates an engine that syncs <paramref name="adapter"/>'s resource into <paramref name="store"/>.</summary>
    public SyncEngine(SyncAdapter adapter, ISyncStore store, SyncOptions? options = null)
    {
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        options ??= new SyncOptions();
        var resolver = new ConflictResolver(options);
        _puller = new SyncPuller(adapter, store, options, resolver);
        _pusher = new SyncPusher(adapter, store, resolver);
        _refresher = new SyncRefresher(adapter, store, options, resolver);
    }

    /// <summary>Pulls, then pushes the outbox: the local copy and the CRM agree afterwards, conflicts resolved.</summary>
    public Task<SyncResult> SyncAsync(CancellationToken cancellationToken = default) =>
        RunAsync(
            async (result, cancellation) =>
            {
                await _puller.PullAsync(result, cancellation).ConfigureAwait(false);
                await _pusher.PushAsync(result, cancellation).ConfigureAwait(false);
            },
            cancellationToken);

    /// <summary>Pulls what changed in the CRM since the last pull (everything, the first time).</summary>
    public Task<SyncResult> PullAsync(CancellationToken cancellationToken = default) => RunAsync(_puller.PullAsync, cancellationToken);

    /// <summary>
    /// Pushes the outbox without pulling first. Conflicts are then found only through entity tags (If-Match) or a
    /// record the CRM no longer has; <see cref="SyncAsync"/> finds them all.
    /// </summary>
    public Task<SyncResult> PushAsync(CancellationToken cancellationToken = default) => RunAsync(_pusher.PushAsync, cancellationToken);

    /// <summary>
    /// Reads the records with these keys from the CRM (such as the ones a webhook announced) and applies them as a pull
    /// would: a record the CRM no longer has is removed, pending local changes are merged by the conflict policy, and a
    /// version older than the stored one is left out, so announcements that arrive twice or out of order leave the
    /// store right. The pull's checkpoint is not touched: the periodic pull stays the safety net.
    /// </summary>
    public Task<SyncResult> RefreshAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return RunAsync((result, cancellation) => _refresher.RefreshAsync(keys, result, cancellation), cancellationToken);
    }

    /// <summary>Adds a record created locally; it gets the CRM's key when it is pushed.</summary>
    /// <returns>The record's local key until then.</returns>
    public async Task<string> CreateLocalAsync(JsonElement record, CancellationToken cancellationToken = default)
    {
        var key = "local-" + Guid.NewGuid().ToString("N");
        await _store.CommitAsync(new SyncCommit().Put(new SyncRecord(key, record.Clone(), null, PendingChange.Create)), cancellationToken).ConfigureAwait(false);
        return key;
    }

    /// <summary>Replaces a record locally; the push sends the fields that differ from the CRM's version.</summary>
    /// <exception cref="InvalidOperationException">The store has no record with this key.</exception>
    public async Task SaveLocalAsync(string key, JsonElement record, CancellationToken cancellationToken = default)
    {
        var row = await RequireAsync(key, cancellationToken).ConfigureAwait(false);
        var pending = row.Pending == PendingChange.Create ? PendingChange.Create
            : row.Base is { } agreed && JsonEquality.AreSemanticallyEqual(agreed, record) ? PendingChange.None
            : PendingChange.Update;
        await _store.CommitAsync(new SyncCommit().Put(row with { Local = record.Clone(), Pending = pending }), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Deletes a record locally; the push deletes it in the CRM.</summary>
    /// <exception cref="InvalidOperationException">The store has no record with this key.</exception>
    public async Task DeleteLocalAsync(string key, CancellationToken cancellationToken = default)
    {
        var row = await RequireAsync(key, cancellationToken).ConfigureAwait(false);
        var commit = row.Pending == PendingChange.Create ? new SyncCommit().Remove(key) : new SyncCommit().Put(row with { Local = null, Pending = PendingChange.Delete });
        await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Adds a generated model created locally; see <see cref="CreateLocalAsync(JsonElement, CancellationToken)"/>.</summary>
    public Task<string> CreateLocalAsync<T>(T model, CancellationToken cancellationToken = default)
        where T : class, IJsonModel<T> => CreateLocalAsync(SyncJson.ToElement(model), cancellationToken);

    /// <summary>Replaces a record locally with a generated model; see <see cref="SaveLocalAsync(string, JsonElement, CancellationToken)"/>.</summary>
    public Task SaveLocalAsync<T>(string key, T model, CancellationToken cancellationToken = default)
        where T : class, IJsonModel<T> => SaveLocalAsync(key, SyncJson.ToElement(model), cancellationToken);

    /// <summary>The local record with this key as a generated model, or null.</summary>
    public async Task<T?> GetLocalAsync<T>(string key, CancellationToken cancellationToken = default)
        where T : class, IJsonModel<T>
    {
        if (await _store.GetAsync(key, cancellationToken).ConfigureAwait(false) is not { Local: { } record })
        {
            return null;
        }

        try
        {
            return SyncJson.FromElement<T>(record);
        }
        catch (JsonException failure)
        {
            throw new JsonException($"The stored {_adapter.Options.Resource} record '{key}' is not a {typeof(T).Name}: {failure.Message}", failure.Path, null, null, failure);
        }
    }

    // One pull, push or refresh of this engine at a time: each reads the store and then writes what it read about.
    private async Task<SyncResult> RunAsync(Func<SyncResult, CancellationToken, Task> work, CancellationToken cancellationToken)
    {
        var result = new SyncResult();
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await work(result, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }

        return result;
    }

    private async Task<SyncRecord> RequireAsync(string key, CancellationToken cancellationToken) =>
        await _store.GetAsync(key, cancellationToken).ConfigureAwait(false) is { Local: not null } row
            ? row
            : throw new InvalidOperationException($"The store holds no {_adapter.Options.Resource} record with the key '{key}'.");
}
