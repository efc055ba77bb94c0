using System.Text.Json;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.EndToEnd.Tests.Stores;

/// <summary>
/// A store of a user's own, written against the runtime's public API only: the whole state in one JSON file that each
/// commit replaces (a new file written and flushed, then renamed over the old one), so a process killed at any point
/// leaves the file of the last commit. Small, slow on large stores, and enough to show what a store must do.
/// </summary>
public sealed class JsonFileSyncStore : ISteppedSyncStore
{
    private readonly object _gate = new();
    private State _state;

    public JsonFileSyncStore(string path)
    {
        Path = path;
        _state = File.Exists(path) ? State.Read(File.ReadAllBytes(path)) : new State();
    }

    public string Path { get; }

    public Action<SyncCommitStep>? StepReached { get; set; }

    public Task<SyncRecord?> GetAsync(string key, CancellationToken cancellationToken = default) =>
        Task.FromResult(Current.Records.TryGetValue(key, out var entry) ? entry.Record : null);

    public Task<IReadOnlyDictionary<string, SyncRecord>> GetManyAsync(IReadOnlyCollection<string> keys, CancellationToken cancellationToken = default)
    {
        var state = Current;
        return Task.FromResult<IReadOnlyDictionary<string, SyncRecord>>(keys.Where(state.Records.ContainsKey).Distinct().ToDictionary(key => key, key => state.Records[key].Record));
    }

    public Task<IReadOnlyDictionary<string, JsonElement>> GetAllAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyDictionary<string, JsonElement>>(Current.Records.Values.Where(entry => entry.Record.Local is not null).ToDictionary(entry => entry.Record.Key, entry => entry.Record.Local!.Value));

    public Task<IReadOnlyList<SyncRecord>> GetPendingAsync(CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<SyncRecord>>(Current.Records.Values.Where(entry => entry.Record.Pending != PendingChange.None).OrderBy(entry => entry.Order).Select(entry => entry.Record).ToList());

    public Task<IReadOnlyList<string>> GetUnseenAsync(string scope, CancellationToken cancellationToken = default)
    {
        var state = Current;
        var seen = state.Seen.GetValueOrDefault(scope) ?? new HashSet<string>();
        return Task.FromResult<IReadOnlyList<string>>(state.Records.Values.Where(entry => entry.Record.Pending != PendingChange.Create && !seen.Contains(entry.Record.Key)).Select(entry => entry.Record.Key).ToList());
    }

    public Task<string?> GetCheckpointAsync(string name, CancellationToken cancellationToken = default) =>
        Task.FromResult(Current.Checkpoints.GetValueOrDefault(name));

    public Task CommitAsync(SyncCommit commit, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commit);
        lock (_gate)
        {
            // The next state is built apart and becomes the file, then the store's, only when everything succeeded.
            var next = _state.Copy();
            Reach(SyncCommitStep.Begun);
            if (commit is { ClearSeen: true, SeenScope: { } cleared })
            {
                next.Seen.Remove(cleared);
            }

            Reach(SyncCommitStep.SeenCleared);
            foreach (var (key, record) in commit.Writes)
            {
                if (record is null)
                {
                    next.Records.Remove(key);
                    continue;
                }

                var keepsOrder = record.Pending != PendingChange.None && next.Records.TryGetValue(key, out var existing) && existing.Record.Pending != PendingChange.None;
                next.Records[key] = new Entry(record, keepsOrder ? next.Records[key].Order : ++next.Order);
                Reach(SyncCommitStep.RecordWritten);
            }

            Reach(SyncCommitStep.RecordsWritten);
            if (commit.SeenScope is { } scope)
            {
                (next.Seen.TryGetValue(scope, out var seen) ? seen : next.Seen[scope] = new HashSet<string>(StringComparer.Ordinal)).UnionWith(commit.Seen);
            }

            Reach(SyncCommitStep.SeenMarked);
            if (commit.CheckpointName is { } name)
            {
                next.Checkpoints[name] = commit.CheckpointValue!;
            }

            Reach(SyncCommitStep.CheckpointWritten);
            var temporary = Path + ".next";
            using (var file = new FileStream(temporary, FileMode.Create, FileAccess.Write))
            {
                file.Write(next.Write());
                file.Flush(flushToDisk: true);
            }

            File.Move(temporary, Path, overwrite: true);
            _state = next;
        }

        Reach(SyncCommitStep.Committed);
        return Task.CompletedTask;
    }

    private State Current
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    private void Reach(SyncCommitStep step) => StepReached?.Invoke(step);

    private sealed record Entry(SyncRecord Record, long Order);

    private sealed class State
    {
        public Dictionary<string, Entry> Records { get; init; } = new(StringComparer.Ordinal);

        public Dictionary<string, string> Checkpoints { get; init; } = new(StringComparer.Ordinal);

        public Dictionary<string, HashSet<string>> Seen { get; init; } = new(StringComparer.Ordinal);

        public long Order { get; set; }

        public State Copy() => new()
        {
            Records = new Dictionary<string, Entry>(Records, StringComparer.Ordinal),
            Checkpoints = new Dictionary<string, string>(Checkpoints, StringComparer.Ordinal),
            Seen = Seen.ToDictionary(pair => pair.Key, pair => new HashSet<string>(pair.Value, StringComparer.Ordinal), StringComparer.Ordinal),
            Order = Order,
        };

        public byte[] Write()
        {
            using var buffer = new MemoryStream();
            using (var writer = new Utf8JsonWriter(buffer))
            {
                writer.WriteStartObject();
                writer.WriteNumber("order", Order);
                writer.WriteStartObject("records");
                foreach (var (key, entry) in Records)
                {
                    writer.WriteStartObject(key);
                    WriteRecord(writer, "local", entry.Record.Local);
                    WriteRecord(writer, "base", entry.Record.Base);
                    writer.WriteNumber("pending", (int)entry.Record.Pending);
                    writer.WriteNumber("order", entry.Order);
                    writer.WriteEndObject();
                }

                writer.WriteEndObject();
                writer.WriteStartObject("checkpoints");
                foreach (var (name, value) in Checkpoints)
                {
                    writer.WriteString(name, value);
                }

                writer.WriteEndObject();
                writer.WriteStartObject("seen");
                foreach (var (scope, keys) in Seen)
                {
                    writer.WriteStartArray(scope);
                    foreach (var key in keys)
                    {
                        writer.WriteStringValue(key);
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            }

            return buffer.ToArray();
        }

        public static State Read(byte[] utf8)
        {
            var root = JsonElements.FromUtf8(utf8);
            var state = new State { Order = root.GetProperty("order").GetInt64() };
            foreach (var record in root.GetProperty("records").EnumerateObject())
            {
                state.Records[record.Name] = new Entry(
                    new SyncRecord(record.Name, Stored(record.Value, "local"), Stored(record.Value, "base"), (PendingChange)record.Value.GetProperty("pending").GetInt32()),
                    record.Value.GetProperty("order").GetInt64());
            }

            foreach (var checkpoint in root.GetProperty("checkpoints").EnumerateObject())
            {
                state.Checkpoints[checkpoint.Name] = checkpoint.Value.GetString()!;
            }

            foreach (var scope in root.GetProperty("seen").EnumerateObject())
            {
                state.Seen[scope.Name] = scope.Value.EnumerateArray().Select(key => key.GetString()!).ToHashSet(StringComparer.Ordinal);
            }

            return state;
        }

        // A record's local copy or base is absent (never stored) or a JSON value, JSON null included.
        private static void WriteRecord(Utf8JsonWriter writer, string name, JsonElement? value)
        {
            if (value is { } element)
            {
                writer.WritePropertyName(name);
                element.WriteTo(writer);
            }
        }

        private static JsonElement? Stored(JsonElement record, string name) =>
            record.TryGetProperty(name, out var value) ? value.Clone() : null;
    }
}
