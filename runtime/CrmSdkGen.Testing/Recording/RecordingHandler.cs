using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Testing.Recording;

/// <summary>
/// Records every request that passes through it and the answer it got, redacted by <see cref="RedactionRules"/>, for a
/// <see cref="ReplayHandler"/> to answer later without the CRM. Put it under the client
/// (<c>new HttpClient(new RecordingHandler(new HttpClientHandler()))</c>, or as the primary handler's parent with
/// <c>AddHttpMessageHandler</c>), then <see cref="Save"/>.
/// </summary>
public sealed class RecordingHandler : DelegatingHandler
{
    private readonly Redactor _redactor;
    private readonly List<HttpInteraction> _interactions = new();

    /// <summary>Records what goes through <paramref name="innerHandler"/> with the default rules, or <paramref name="rules"/>.</summary>
    public RecordingHandler(HttpMessageHandler innerHandler, RedactionRules? rules = null)
        : base(innerHandler) => _redactor = new Redactor(rules ?? new RedactionRules());

    /// <summary>The interactions so far, in order.</summary>
    public IReadOnlyList<HttpInteraction> Interactions
    {
        get
        {
            lock (_interactions)
            {
                return _interactions.ToList();
            }
        }
    }

    /// <summary>Writes the interactions so far to <paramref name="path"/>.</summary>
    public void Save(string path) => HttpRecording.Save(path, Interactions);

    /// <inheritdoc />
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var requestBody = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var responseBody = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var interaction = new HttpInteraction(
            request.Method.Method,
            _redactor.PathAndQuery(request.RequestUri ?? throw new InvalidOperationException("The request has no URI.")),
            Headers(request.Headers.Concat(request.Content?.Headers ?? Enumerable.Empty<KeyValuePair<string, IEnumerable<string>>>())),
            _redactor.Body(requestBody, request.Content?.Headers.ContentType?.MediaType),
            (int)response.StatusCode,
            Headers(response.Headers.Concat(response.Content.Headers)),
            _redactor.Body(responseBody, response.Content.Headers.ContentType?.MediaType) ?? string.Empty);
        lock (_interactions)
        {
            _interactions.Add(interaction);
        }

        return response;
    }

    private Dictionary<string, string> Headers(IEnumerable<KeyValuePair<string, IEnumerable<string>>> headers) =>
        headers.GroupBy(header => header.Key, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(group => group.Key, group => _redactor.Header(group.Key, string.Join(", ", group.SelectMany(header => header.Value))), StringComparer.OrdinalIgnoreCase);
}
