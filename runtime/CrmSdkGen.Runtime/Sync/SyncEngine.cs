using System;
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

    /// <summary>Creates an engine that syncs <paramref name="adapter"/>'s resource into <paramref name="store"/>.</summary>
    public SyncEngine(SyncAdapter adapter, ISyncStore store, SyncOptions? options = null)
    {
        _adapter = adapter ?? throw new ArgumentNullException(nameof(adapter));
        _store = store ?? throw new ArgumentNullException(nameof(store));
        options ??= new SyncOptions();
        var resolver = new ConflictResolver(options);
        _puller = new SyncPuller(adapter, store, options, resolver);
        _pusher = new SyncPusher(adapter, store, resolver);
    }

    /// <summary>Pulls, then pushes the outbox: the local copy and the CRM agree afterwards, conflicts resolved.</summary>
    public async Task<SyncResult> SyncAsync(CancellationToken cancellationToken = default)
    {
        var result = new SyncResult();
        await _puller.PullAsync(result, cancellationToken).ConfigureAwait(false);
        await _pusher.PushAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>Pulls what changed in the CRM since the last pull (everything, the first time).</summary>
    public async Task<SyncResult> PullAsync(CancellationToken cancellationToken = default)
    {
        var result = new SyncResult();
        await _puller.PullAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
    }

    /// <summary>
    /// Pushes the outbox without pulling first. Conflicts are then found only through entity tags (If-Match) or a
    /// record the CRM no longer has; <see cref="SyncAsync"/> finds them all.
    /// </summary>
    public async Task<SyncResult> PushAsync(CancellationToken cancellationToken = default)
    {
        var result = new SyncResult();
        await _pusher.PushAsync(result, cancellationToken).ConfigureAwait(false);
        return result;
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
            : row.Base is { } agreed && JsonEquality.AreEqual(agreed, record) ? PendingChange.None
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

    private async Task<SyncRecord> RequireAsync(string key, CancellationToken cancellationToken) =>
        await _store.GetAsync(key, cancellationToken).ConfigureAwait(false) is { Local: not null } row
            ? row
            : throw new InvalidOperationException($"The store holds no {_adapter.Options.Resource} record with the key '{key}'.");
}
