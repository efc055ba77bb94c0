using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>One call of a search pull: a search with <see cref="Body"/>, or a page of the deleted-records listing.</summary>
public sealed class SyncSearchStep
{
    private const int MaxRestarts = 3;
    private readonly SyncSearchOptions _options;
    private readonly SyncSearchState _state;

    internal SyncSearchStep(SyncSearchOptions options, SyncSearchState state)
    {
        _options = options;
        _state = state;
        Body = state.Tombstones ? default : SyncSearchBody.Write(options, state);
    }

    /// <summary>Whether this call lists deleted records (with <see cref="ListPageToken"/>) instead of searching.</summary>
    public bool IsDeletedListing => _state.Tombstones;

    /// <summary>The page token of the deleted-records listing; null for its first page.</summary>
    public string? ListPageToken => _state.ListToken;

    /// <summary>The search body, in the options' dialect.</summary>
    public JsonElement Body { get; }

    /// <summary>The page the search answered, with the token of the next call.</summary>
    /// <exception cref="InvalidOperationException">More records than the cap share one millisecond and the results give no key to split them by.</exception>
    public SyncPage ReadSearchAnswer(JsonElement answer, SyncAdapter adapter)
    {
        ArgumentNullException.ThrowIfNull(adapter);
        var (records, total, next) = SyncSearchBody.Read(_options, answer);
        var state = _state;
        if (_options.ResultCap is { } cap && total > cap && state.After is null)
        {
            Split(state, records, adapter);
        }
        else if (state.Total is { } first && total is { } now && now != first && state.Restarts < MaxRestarts)
        {
            // Records left or entered the slice while it was paged, so offsets moved: page it again from the start.
            state.After = null;
            state.Total = null;
            state.Restarts++;
        }
        else if (next is not null)
        {
            state.Total ??= total;
            state.After = next;
        }
        else
        {
            Advance(state);
        }

        return new SyncPage(records, state.Tombstones && !_options.ListDeleted ? null : state.ToToken());
    }

    /// <summary>A page of the deleted-records listing, with the token of the next call.</summary>
    public SyncPage ReadDeletedPage(IReadOnlyList<JsonElement> records, string? nextPageToken)
    {
        _state.ListToken = nextPageToken;
        return new SyncPage(records, nextPageToken is null ? null : _state.ToToken());
    }

    private static void Split(SyncSearchState state, List<JsonElement> records, SyncAdapter adapter)
    {
        if (!state.ByKey && state.End - state.From > 1)
        {
            state.End = state.From + ((state.End - state.From) / 2);
        }
        else
        {
            // One millisecond holds more than the cap: split it by key, at the median key this page brought.
            var keys = records.Select(adapter.KeyOf)
                .Where(key => (state.KeyAfter is null || KeyOrder.Instance.Compare(key, state.KeyAfter) > 0) && (state.KeyEnd is null || KeyOrder.Instance.Compare(key, state.KeyEnd) <= 0))
                .OrderBy(key => key, KeyOrder.Instance)
                .ToList();
            var median = keys.Count > 1 ? keys[(keys.Count - 1) / 2] : null;
            if (median is null || median == state.KeyEnd)
            {
                throw new InvalidOperationException($"More than {records.Count} records of {adapter.Options.Resource} changed at {DateTimeOffset.FromUnixTimeMilliseconds(state.From):O} and their keys cannot split them below the search's cap.");
            }

            state.ByKey = true;
            state.End = state.From + 1;
            state.KeyEnd = median;
        }

        state.After = null;
        state.Total = null;
        state.Restarts = 0;
    }

    private static void Advance(SyncSearchState state)
    {
        state.After = null;
        state.Total = null;
        state.Restarts = 0;
        if (state.ByKey && state.KeyEnd is { } end)
        {
            state.KeyAfter = end;
            state.KeyEnd = null;
            return;
        }

        state.ByKey = false;
        state.KeyAfter = null;
        state.From = state.End;
        state.End = state.To;
        state.Tombstones = state.From >= state.To;
    }

    /// <summary>Numeric keys by value, others by ordinal.</summary>
    private sealed class KeyOrder : IComparer<string>
    {
        public static KeyOrder Instance { get; } = new();

        public int Compare(string? x, string? y) =>
            decimal.TryParse(x, NumberStyles.Integer, CultureInfo.InvariantCulture, out var left) && decimal.TryParse(y, NumberStyles.Integer, CultureInfo.InvariantCulture, out var right)
                ? left.CompareTo(right)
                : string.CompareOrdinal(x, y);
    }
}
