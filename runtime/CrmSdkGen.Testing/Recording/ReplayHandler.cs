using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Testing.Recording;

/// <summary>
/// Answers requests from a recording instead of the CRM: each request is matched by method and path and query (a
/// redacted query value matches any value) to the first unused interaction recorded for it, in order; a request that
/// was not recorded (or asked more often than it was) fails with <see cref="UnrecordedRequestException"/>.
/// </summary>
public sealed class ReplayHandler : HttpMessageHandler
{
    private readonly List<HttpInteraction> _pending;
    private readonly Redactor _redactor;

    /// <summary>Replays <paramref name="interactions"/>; <paramref name="rules"/> must be the ones they were recorded with.</summary>
    public ReplayHandler(IEnumerable<HttpInteraction> interactions, RedactionRules? rules = null)
    {
        _pending = interactions?.ToList() ?? throw new ArgumentNullException(nameof(interactions));
        _redactor = new Redactor(rules ?? new RedactionRules());
    }

    /// <summary>Replays the recording file at <paramref name="path"/>.</summary>
    public ReplayHandler(string path, RedactionRules? rules = null)
        : this(HttpRecording.Load(path), rules)
    {
    }

    /// <summary>The recorded interactions no request has used yet.</summary>
    public IReadOnlyList<HttpInteraction> Unused
    {
        get
        {
            lock (_pending)
            {
                return _pending.ToList();
            }
        }
    }

    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var uri = _redactor.PathAndQuery(request.RequestUri ?? throw new InvalidOperationException("The request has no URI."));
        HttpInteraction? match;
        lock (_pending)
        {
            match = _pending.FirstOrDefault(interaction => interaction.Method == request.Method.Method && interaction.Uri == uri);
            if (match is not null)
            {
                _pending.Remove(match);
            }
        }

        if (match is null)
        {
            throw new UnrecordedRequestException(request.Method.Method, uri);
        }

        var response = new HttpResponseMessage((HttpStatusCode)match.Status) { RequestMessage = request, Content = new ByteArrayContent(Encoding.UTF8.GetBytes(match.ResponseBody)) };
        foreach (var (name, value) in match.ResponseHeaders)
        {
            if (!response.Headers.TryAddWithoutValidation(name, value) && !string.Equals(name, "Content-Length", StringComparison.OrdinalIgnoreCase))
            {
                response.Content.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return Task.FromResult(response);
    }
}
