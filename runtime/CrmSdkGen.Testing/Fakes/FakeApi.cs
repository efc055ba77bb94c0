using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>
/// An in-process fake of an API, built from its spec: each request is held to the spec (path, method, parameters, body
/// against its schema, a credential of a scheme the operation accepts) and answered from the spec's examples or data
/// made up from the schema. Overrides answer chosen operations; faults make chosen calls fail; <see cref="Calls"/>
/// records every request. With <see cref="FakeApiOptions.Stateful"/>, records created with POST can be read, listed,
/// updated and deleted, so that a sync engine runs against it. Send through <see cref="CreateHandler"/> or
/// <see cref="CreateClient"/>, or serve it on 127.0.0.1 with <see cref="FakeApiServer"/>.
/// </summary>
public sealed class FakeApi
{
    private readonly object _gate = new();
    private readonly FakeApiOptions _options;
    private readonly OperationRouter _router;
    private readonly Dictionary<string, FakeOperation> _operations;
    private readonly Dictionary<string, Func<FakeRequest, FakeResponse?>> _overrides = new(StringComparer.Ordinal);
    private readonly List<(string? OperationId, FakeFault Fault, int Remaining)> _faults = new();
    private readonly List<FakeCall> _calls = new();
    private readonly RecordAnswers _records;

    private FakeApi(string text, string name, FakeApiOptions? options)
    {
        _options = options ?? new FakeApiOptions();
        var document = SpecDocument.Read(text, name);
        BasePath = SpecDocument.BasePath(document);
        var operations = (document.Paths ?? new Microsoft.OpenApi.OpenApiPaths())
            .SelectMany(path => (path.Value.Operations ?? new Dictionary<HttpMethod, Microsoft.OpenApi.OpenApiOperation>())
                .Select(entry => new FakeOperation(path.Key, entry.Key, entry.Value, path.Value, document)))
            .ToList();
        _operations = operations.GroupBy(operation => operation.Id, StringComparer.Ordinal).ToDictionary(group => group.Key, group => group.First(), StringComparer.Ordinal);
        _router = new OperationRouter(operations);
        _records = new RecordAnswers(operations, new RecordStore(_options.TimeProvider));
    }

    /// <summary>The path of the spec's first server URL, such as <c>/v1</c>; requests are matched below it.</summary>
    public string BasePath { get; }

    /// <summary>The address clients of the in-process handler send to.</summary>
    public Uri BaseAddress => new("http://fake-api.invalid" + BasePath + "/");

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<FakeCall> Calls
    {
        get
        {
            lock (_gate)
            {
                return _calls.ToList();
            }
        }
    }

    /// <summary>The ids of the spec's operations (<c>METHOD /path</c> for those without one).</summary>
    public IReadOnlyCollection<string> OperationIds => _operations.Keys;

    /// <summary>Reads the spec at <paramref name="specPath"/> (JSON or YAML).</summary>
    public static FakeApi Load(string specPath, FakeApiOptions? options = null) =>
        new(File.ReadAllText(specPath ?? throw new ArgumentNullException(nameof(specPath))), specPath, options);

    /// <summary>Builds the fake from a spec's text (JSON or YAML).</summary>
    public static FakeApi FromText(string specText, FakeApiOptions? options = null) =>
        new(specText ?? throw new ArgumentNullException(nameof(specText)), "The spec", options);

    /// <summary>A message handler that answers in process, for an <c>HttpClient</c> or a generated client's DI registration.</summary>
    public HttpMessageHandler CreateHandler() => new FakeApiHandler(this);

    /// <summary>An <c>HttpClient</c> on <see cref="CreateHandler"/> with <see cref="BaseAddress"/> set.</summary>
    public HttpClient CreateClient() => new(CreateHandler()) { BaseAddress = BaseAddress };

    /// <summary>Answers <paramref name="operationId"/> with <paramref name="answer"/>; when it returns null, the fake answers as it would have.</summary>
    public FakeApi On(string operationId, Func<FakeRequest, FakeResponse?> answer)
    {
        ArgumentNullException.ThrowIfNull(answer);
        lock (_gate)
        {
            _overrides[Known(operationId)] = answer;
        }

        return this;
    }

    /// <summary>Makes the next <paramref name="times"/> calls of <paramref name="operationId"/> fail with <paramref name="fault"/>.</summary>
    public FakeApi Fail(string operationId, FakeFault fault, int times = 1) => AddFault(Known(operationId), fault, times);

    /// <summary>Makes the next <paramref name="times"/> calls of any operation fail with <paramref name="fault"/>.</summary>
    public FakeApi FailAny(FakeFault fault, int times = 1) => AddFault(null, fault, times);

    /// <summary>The records a stateful fake holds under <paramref name="collectionPath"/> (such as <c>/contacts</c>), as copies.</summary>
    public IReadOnlyList<JsonObject> Records(string collectionPath)
    {
        lock (_gate)
        {
            return _records.Store.All(collectionPath.TrimEnd('/'));
        }
    }

    /// <summary>Adds a record to a stateful fake's <paramref name="collectionPath"/> as it is, without validation.</summary>
    public void Seed(string collectionPath, JsonObject record)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            _records.Store.Add(collectionPath.TrimEnd('/'), record);
        }
    }

    internal async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? Array.Empty<byte>() : await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        var uri = request.RequestUri is { IsAbsoluteUri: true } absolute ? absolute : new Uri(BaseAddress, request.RequestUri?.OriginalString ?? string.Empty);
        // Matched as sent, so that an escaped '/' inside a path value stays inside its segment.
        var fullPath = uri.AbsolutePath;
        var escapedPath = BasePath.Length > 0 && fullPath.StartsWith(BasePath, StringComparison.Ordinal) ? fullPath.Substring(BasePath.Length) : fullPath;
        var path = Uri.UnescapeDataString(escapedPath);
        var query = QueryString.Parse(uri.Query);
        var shown = uri.PathAndQuery;

        var match = _router.Match(request.Method, escapedPath.Length == 0 ? "/" : escapedPath, out var pathKnown);
        if (match is not { } found)
        {
            var status = pathKnown ? 405 : 404;
            var message = pathKnown ? $"{request.Method.Method} is not an operation of {path}." : $"No path of the spec matches {path}.";
            Record(new FakeCall(null, request.Method, shown, status, new[] { message }, null));
            return FakeHttp.ToMessage(FakeResponse.Json(status, Problem(status, message, new[] { message })), request);
        }

        var (operation, values) = found;
        if (TakeFault(operation.Id) is { } fault)
        {
            return await FakeHttp.FailAsync(fault, operation, request, () => Record(new FakeCall(operation.Id, request.Method, shown, fault.Status, Array.Empty<string>(), null)), cancellationToken).ConfigureAwait(false);
        }

        var violations = new List<string>();
        var refusal = RequestValidator.Validate(operation, request, values, query, body, out var json, violations);
        if (refusal is { } refused && _options.RefuseInvalidRequests)
        {
            Record(new FakeCall(operation.Id, request.Method, shown, refused, violations, json));
            return FakeHttp.ToMessage(FakeResponse.Json(refused, Problem(refused, "The request does not conform to the spec.", violations)), request);
        }

        var fakeRequest = new FakeRequest(operation.Id, request.Method, operation.PathTemplate, path, values, query, json);
        FakeResponse answer;
        lock (_gate)
        {
            answer = (_overrides.TryGetValue(operation.Id, out var custom) ? custom(fakeRequest) : null)
                ?? (_options.Stateful ? _records.Answer(operation, fakeRequest) : null)
                ?? SpecAnswers.Success(operation);
        }

        Record(new FakeCall(operation.Id, request.Method, shown, answer.Status, violations, json));
        return FakeHttp.ToMessage(answer, request);
    }

    private FakeApi AddFault(string? operationId, FakeFault fault, int times)
    {
        ArgumentNullException.ThrowIfNull(fault);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(times);
        lock (_gate)
        {
            _faults.Add((operationId, fault, times));
        }

        return this;
    }

    private FakeFault? TakeFault(string operationId)
    {
        lock (_gate)
        {
            var index = _faults.FindIndex(entry => entry.OperationId is null || entry.OperationId == operationId);
            if (index < 0)
            {
                return null;
            }

            var (id, fault, remaining) = _faults[index];
            if (remaining == 1)
            {
                _faults.RemoveAt(index);
            }
            else
            {
                _faults[index] = (id, fault, remaining - 1);
            }

            return fault;
        }
    }

    private string Known(string operationId)
    {
        ArgumentNullException.ThrowIfNull(operationId);
        if (_operations.ContainsKey(operationId))
        {
            return operationId;
        }

        throw new ArgumentException($"The spec has no operation '{operationId}'. Its operations: {string.Join(", ", _operations.Keys.Order(StringComparer.Ordinal))}.", nameof(operationId));
    }

    private void Record(FakeCall call)
    {
        lock (_gate)
        {
            _calls.Add(call);
        }
    }

    private static JsonObject Problem(int status, string title, IEnumerable<string> violations) => new()
    {
        ["status"] = status,
        ["title"] = title,
        ["errors"] = new JsonArray(violations.Select(violation => (JsonNode)violation).ToArray()),
    };
}
