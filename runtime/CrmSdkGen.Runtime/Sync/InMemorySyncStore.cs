using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>A store in memory, for tests and short-lived processes; applies change sets all or nothing.</summary>
public sealed class InMemorySyncStore : ISyncStore
{
    private readonly object _gate = new();
    private Dictionary<string, JsonNode?> _records = new();
    private readonly Dictionary<string, string> _checkpoints = new();

    /// <inheritdoc />
    public Task<JsonElement?> GetAsync(string key, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_records.TryGetValue(key, out var record) ? Element(record) : (JsonElement?)null);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyDictionary<string, JsonElement>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult<IReadOnlyDictionary<string, JsonElement>>(_records.ToDictionary(pair => pair.Key, pair => Element(pair.Value)));
        }
    }

    /// <inheritdoc />
    public Task<string?> GetCheckpointAsync(string name, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            return Task.FromResult(_checkpoints.TryGetValue(name, out var value) ? value : null);
        }
    }

    /// <inheritdoc />
    public Task ApplyAsync(ChangeSet changes, string? checkpointName = null, string? checkpointValue = null, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // Changes go to a copy that replaces the records only when every change applied.
            var next = _records.ToDictionary(pair => pair.Key, pair => pair.Value?.DeepClone());
            changes.ApplyTo(next);
            _records = next;
            if (checkpointName is not null && checkpointValue is not null)
            {
                _checkpoints[checkpointName] = checkpointValue;
            }
        }

        return Task.CompletedTask;
    }

    private static JsonElement Element(JsonNode? node)
    {
        using var document = JsonDocument.Parse(node?.ToJsonString() ?? "null");
        return document.RootElement.Clone();
    }
}
