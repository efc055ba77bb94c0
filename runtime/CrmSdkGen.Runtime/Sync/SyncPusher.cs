using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Diff;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Pushes the outbox. Each change's result is committed on its own; a push killed between the CRM's answer and the
/// commit is repeated harmlessly: an update whose result the pull already brought resolves to nothing, a delete of a
/// record the CRM no longer has counts as done, and a create carries the same idempotency key again. A record the CRM
/// refuses stays in the outbox with its error in <see cref="SyncResult.Failures"/>; the others go on.
/// </summary>
internal sealed class SyncPusher
{
    private const int MaxAttempts = 4;
    private readonly SyncAdapter _adapter;
    private readonly ISyncStore _store;
    private readonly ConflictResolver _resolver;

    public SyncPusher(SyncAdapter adapter, ISyncStore store, ConflictResolver resolver)
    {
        _adapter = adapter;
        _store = store;
        _resolver = resolver;
    }

    public async Task PushAsync(SyncResult result, CancellationToken cancellationToken)
    {
        var pending = await _store.GetPendingAsync(cancellationToken).ConfigureAwait(false);
        var batchSize = _adapter.Options.BatchSize;
        if (batchSize > 1)
        {
            var creates = pending.Where(row => row.Pending == PendingChange.Create).ToList();
            var updates = pending.Where(row => row.Pending == PendingChange.Update && row.Base is { } agreed && _adapter.ETagOf(agreed) is null).ToList();
            var singles = new List<SyncRecord>();
            foreach (var chunk in creates.Chunk(batchSize))
            {
                singles.AddRange(await CreateBatchAsync(chunk, result, cancellationToken).ConfigureAwait(false));
            }

            foreach (var chunk in updates.Chunk(batchSize))
            {
                singles.AddRange(await UpdateBatchAsync(chunk, result, cancellationToken).ConfigureAwait(false));
            }

            pending = pending.Except(creates).Except(updates).Concat(singles).ToList();
        }

        foreach (var row in pending)
        {
            await PushOneAsync(row, result, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task PushOneAsync(SyncRecord row, SyncResult result, CancellationToken cancellationToken)
    {
        SyncRecord? next = row;
        for (var attempt = 0; attempt < MaxAttempts && next is { Pending: not PendingChange.None } current; attempt++)
        {
            JsonElement? remote;
            try
            {
                await SendAsync(current, result, cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (ApiException exception) when (exception.StatusCode == 412)
            {
                remote = await _adapter.GetAsync(current.Key, cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException exception) when (exception.StatusCode is 404 or 410 && current.Pending == PendingChange.Update)
            {
                remote = null;
            }
            catch (ApiException exception) when (SyncBatch.IsRecordFailure(exception))
            {
                result.Failures.Add(new SyncPushFailure(current.Key, current.Pending, exception.StatusCode, exception.Message));
                return;
            }
            catch (JsonException exception)
            {
                // The local record does not fit the request body the spec declares (Pipedrive answers owner_id as an
                // object and takes it as a number): nothing was sent, the message names the field, the others go on.
                result.Failures.Add(new SyncPushFailure(current.Key, current.Pending, null, exception.Message));
                return;
            }

            next = await ResolveAsync(current, remote, result, cancellationToken).ConfigureAwait(false);
        }
    }

    // The CRM changed (or deleted) the record since the base: resolve as a pull would; the next attempt pushes what is left.
    private async Task<SyncRecord?> ResolveAsync(SyncRecord row, JsonElement? remote, SyncResult result, CancellationToken cancellationToken)
    {
        var (next, conflict) = _resolver.Resolve(row, remote);
        if (conflict is not null)
        {
            result.Conflicts.Add(conflict);
        }

        var commit = new SyncCommit();
        await _store.CommitAsync(next is null ? commit.Remove(row.Key) : commit.Put(next), cancellationToken).ConfigureAwait(false);
        return next;
    }

    private async Task SendAsync(SyncRecord row, SyncResult result, CancellationToken cancellationToken)
    {
        var commit = new SyncCommit();
        switch (row.Pending)
        {
            case PendingChange.Create:
                var created = await _adapter.CreateAsync(new SyncCreate(row.Local!.Value, IdempotencyKey(row)), cancellationToken).ConfigureAwait(false);
                commit.Remove(row.Key).Put(SyncRecord.Synced(_adapter.KeyOf(created), created));
                result.PushedCreates++;
                break;
            case PendingChange.Update:
                if (Changes(row) is { } changes)
                {
                    var updated = await _adapter.UpdateAsync(new SyncUpdate(row.Key, row.Local!.Value, changes, _adapter.ETagOf(row.Base!.Value)), cancellationToken).ConfigureAwait(false);
                    commit.Put(SyncRecord.Synced(row.Key, updated));
                    result.PushedUpdates++;
                }
                else
                {
                    commit.Put(SyncRecord.Synced(row.Key, row.Base!.Value));
                }

                break;
            default:
                try
                {
                    await _adapter.DeleteAsync(new SyncDelete(row.Key, row.Base is { } agreed ? _adapter.ETagOf(agreed) : null), cancellationToken).ConfigureAwait(false);
                }
                catch (ApiException exception) when (exception.StatusCode is 404 or 410)
                {
                    // Already gone.
                }

                commit.Remove(row.Key);
                result.PushedDeletes++;
                break;
        }

        await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
    }

    // Returns the records to push one at a time: those a refused batch did not apply.
    private async Task<List<SyncRecord>> CreateBatchAsync(SyncRecord[] rows, SyncResult result, CancellationToken cancellationToken)
    {
        IReadOnlyList<SyncBatchOutcome> outcomes;
        try
        {
            outcomes = await _adapter.CreateBatchAsync(rows.Select(row => new SyncCreate(row.Local!.Value, IdempotencyKey(row))).ToList(), cancellationToken).ConfigureAwait(false);
        }
        catch (ApiException exception) when (SyncBatch.IsRecordFailure(exception))
        {
            outcomes = SyncBatch.Outcomes(exception, rows.Select(row => row.Key).ToList());
        }

        var commit = new SyncCommit();
        var again = new List<SyncRecord>();
        for (var i = 0; i < rows.Length; i++)
        {
            switch (outcomes[i])
            {
                case { Kind: SyncBatchOutcomeKind.Applied, Record: { } created }:
                    commit.Remove(rows[i].Key).Put(SyncRecord.Synced(_adapter.KeyOf(created), created));
                    result.PushedCreates++;
                    break;
                case { Kind: SyncBatchOutcomeKind.NotApplied }:
                    again.Add(rows[i]);
                    break;
                case var refused:
                    result.Failures.Add(new SyncPushFailure(rows[i].Key, PendingChange.Create, refused.Status, refused.Error ?? "The CRM did not create the record."));
                    break;
            }
        }

        await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
        return again;
    }

    // Returns the records to push one at a time: those a refused batch did not apply, when it named none of its records.
    private async Task<List<SyncRecord>> UpdateBatchAsync(SyncRecord[] rows, SyncResult result, CancellationToken cancellationToken)
    {
        var commit = new SyncCommit();
        var changed = new List<(SyncRecord Row, JsonElement Changes)>();
        foreach (var row in rows)
        {
            if (Changes(row) is { } changes)
            {
                changed.Add((row, changes));
            }
            else
            {
                commit.Put(SyncRecord.Synced(row.Key, row.Base!.Value));
            }
        }

        var missing = new List<SyncRecord>();
        var singles = new List<SyncRecord>();
        while (changed.Count > 0)
        {
            IReadOnlyList<SyncBatchOutcome> outcomes;
            try
            {
                outcomes = await _adapter.UpdateBatchAsync(changed.Select(item => new SyncUpdate(item.Row.Key, item.Row.Local!.Value, item.Changes)).ToList(), cancellationToken).ConfigureAwait(false);
            }
            catch (ApiException exception) when (SyncBatch.IsRecordFailure(exception))
            {
                outcomes = SyncBatch.Outcomes(exception, changed.Select(item => item.Row.Key).ToList());
            }

            var again = new List<(SyncRecord Row, JsonElement Changes)>();
            for (var i = 0; i < changed.Count; i++)
            {
                var row = changed[i].Row;
                switch (outcomes[i])
                {
                    case { Kind: SyncBatchOutcomeKind.Applied, Record: { } updated }:
                        commit.Put(SyncRecord.Synced(row.Key, updated));
                        result.PushedUpdates++;
                        break;
                    case { Kind: SyncBatchOutcomeKind.Missing }:
                        missing.Add(row);
                        break;
                    case { Kind: SyncBatchOutcomeKind.NotApplied }:
                        again.Add(changed[i]);
                        break;
                    case var refused:
                        result.Failures.Add(new SyncPushFailure(row.Key, PendingChange.Update, refused.Status, refused.Error ?? "The CRM did not apply the change."));
                        break;
                }
            }

            // A refusal that named some records is sent again without them; one that named none, record by record.
            if (again.Count == changed.Count)
            {
                singles.AddRange(again.Select(item => item.Row));
                break;
            }

            changed = again;
        }

        await _store.CommitAsync(commit, cancellationToken).ConfigureAwait(false);
        foreach (var row in missing)
        {
            // Gone from the CRM: the same path as a single update's 404, then whatever the resolution left is pushed.
            if (await ResolveAsync(row, null, result, cancellationToken).ConfigureAwait(false) is { Pending: not PendingChange.None } left)
            {
                singles.Add(left);
            }
        }

        return singles;
    }

    // The merge patch from the base to the local record: the fields changed locally (after any conflict was resolved).
    private static JsonElement? Changes(SyncRecord row)
    {
        return JsonDiff.MergePatch(row.Base!.Value, row.Local!.Value) is { } patch ? JsonElements.FromNode(patch) : null;
    }

    private static string IdempotencyKey(SyncRecord row) => "create-" + row.Key;
}
