using System;
using System.Collections.Generic;
using System.ComponentModel;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Http;

/// <summary>Sends the requests of one generated client through the caller's HttpClient; shared by its sub-clients.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class ApiClientCore
{
    private readonly HttpClient _httpClient;
    private readonly ApiClientOptions _options;
    private readonly string? _specServerUrl;

    /// <summary>Creates the core of a generated client.</summary>
    /// <param name="httpClient">The caller's client; its BaseAddress wins over every other base address.</param>
    /// <param name="options">The client's options.</param>
    /// <param name="specServerUrl">The first server of the spec, used when neither the HttpClient nor the options set a base address.</param>
    public ApiClientCore(HttpClient httpClient, ApiClientOptions options, string? specServerUrl)
    {
        _httpClient = httpClient ?? throw new ArgumentNullException(nameof(httpClient));
        _options = options ?? throw new ArgumentNullException(nameof(options));
        _specServerUrl = specServerUrl;
    }

    /// <summary>Sends a request whose success response has no body the caller needs.</summary>
    public async Task SendAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(request, response, errors, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request and reads its JSON success body with <paramref name="codec"/>.</summary>
    /// <param name="request">The request.</param>
    /// <param name="codec">Reads the success body.</param>
    /// <param name="errors">The typed errors of the operation.</param>
    /// <param name="allowEmpty">Whether an empty success body (such as 204) gives <c>default</c> instead of an error.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async Task<T> SendForJsonAsync<T>(ApiRequest request, JsonCodec<T> codec, ApiErrorMap errors, bool allowEmpty, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(request, response, errors, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (body.Length == 0)
        {
            return allowEmpty ? default! : throw CreateException(request, response, body, "The success response had no body.", null);
        }

        try
        {
            return JsonModel.Parse(body, codec);
        }
        catch (JsonException exception)
        {
            throw CreateException(request, response, body, "The success response could not be read: " + exception.Message, exception);
        }
    }

    /// <summary>Sends a request and returns its success body as text.</summary>
    public async Task<string> SendForStringAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(request, response, errors, cancellationToken).ConfigureAwait(false);
        return await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends a request and returns its success body as a seekable stream that the caller disposes.</summary>
    public async Task<Stream> SendForStreamAsync(ApiRequest request, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        using var response = await SendCoreAsync(request, cancellationToken).ConfigureAwait(false);
        await EnsureSuccessAsync(request, response, errors, cancellationToken).ConfigureAwait(false);
        var buffer = new MemoryStream();
        await response.Content.CopyToAsync(buffer, cancellationToken).ConfigureAwait(false);
        buffer.Position = 0;
        return buffer;
    }

    private async Task<HttpResponseMessage> SendCoreAsync(ApiRequest request, CancellationToken cancellationToken)
    {
        var credentials = SelectCredentials(request.Security);
        foreach (var (scheme, credential) in credentials)
        {
            if (credential is ApiKeyCredential key)
            {
                switch (scheme.Kind)
                {
                    case SecuritySchemeKind.ApiKeyQuery:
                        request.AddQueryParameter(scheme.ParameterName!, key.Key);
                        break;
                    case SecuritySchemeKind.ApiKeyCookie:
                        request.AddCookie(scheme.ParameterName!, key.Key);
                        break;
                }
            }
        }

        using var message = new HttpRequestMessage(request.Method, BuildUri(request)) { Content = request.Content };
        request.ApplyHeaders(message);
        foreach (var (scheme, credential) in credentials)
        {
            switch (credential)
            {
                case ApiKeyCredential key when scheme.Kind == SecuritySchemeKind.ApiKeyHeader:
                    message.Headers.TryAddWithoutValidation(scheme.ParameterName!, key.Key);
                    break;
                case BearerTokenCredential bearer:
                    var token = await bearer.GetTokenAsync(cancellationToken).ConfigureAwait(false);
                    message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                    break;
                case BasicCredential basic:
                    message.Headers.Authorization = new AuthenticationHeaderValue("Basic", basic.EncodedValue);
                    break;
            }
        }

        return await _httpClient.SendAsync(message, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
    }

    private List<(SecurityScheme Scheme, ApiCredential Credential)> SelectCredentials(SecurityScheme[][] alternatives)
    {
        var selected = new List<(SecurityScheme, ApiCredential)>();
        foreach (var alternative in alternatives)
        {
            selected.Clear();
            foreach (var scheme in alternative)
            {
                var credential = _options.GetCredential(scheme.Key);
                if (credential is null || !Fits(scheme.Kind, credential))
                {
                    break;
                }

                selected.Add((scheme, credential));
            }

            if (selected.Count == alternative.Length)
            {
                return selected;
            }
        }

        selected.Clear();
        return selected;
    }

    private static bool Fits(SecuritySchemeKind kind, ApiCredential credential) => kind switch
    {
        SecuritySchemeKind.Bearer => credential is BearerTokenCredential,
        SecuritySchemeKind.Basic => credential is BasicCredential,
        _ => credential is ApiKeyCredential,
    };

    private Uri BuildUri(ApiRequest request)
    {
        var baseAddress = _httpClient.BaseAddress ?? _options.BaseAddress ?? SpecBaseAddress()
            ?? throw new InvalidOperationException(
                "The client has no base address: set HttpClient.BaseAddress or the options' BaseAddress"
                + (_specServerUrl is null ? "." : $" (the spec's server '{_specServerUrl}' is not an absolute URL)."));
        var pathAndQuery = request.BuildPathAndQuery();
        var root = baseAddress.AbsoluteUri.TrimEnd('/');
        var separator = pathAndQuery.StartsWith('/') || pathAndQuery.Length == 0 ? string.Empty : "/";

        // Canonicalisation would unescape %2E and fold "/../" segments, letting a path parameter climb out of its segment.
        return new Uri(root + separator + pathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
    }

    // On Unix "/api/v3" parses as an absolute file URI, so only http and https count as a base address.
    private Uri? SpecBaseAddress() =>
        _specServerUrl is not null && Uri.TryCreate(_specServerUrl, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) ? uri : null;

    private static async Task EnsureSuccessAsync(ApiRequest request, HttpResponseMessage response, ApiErrorMap errors, CancellationToken cancellationToken)
    {
        if (response.IsSuccessStatusCode)
        {
            return;
        }

        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        throw errors.Create((int)response.StatusCode, response.ReasonPhrase, request.Method, request.PathTemplate, CollectHeaders(response), body, DecodeText(body));
    }

    private static ApiException CreateException(ApiRequest request, HttpResponseMessage response, byte[] body, string detail, Exception? inner) =>
        new((int)response.StatusCode, response.ReasonPhrase, request.Method, request.PathTemplate, CollectHeaders(response), DecodeText(body), detail, inner);

    private static string DecodeText(byte[] body) => Encoding.UTF8.GetString(body);

    private static IReadOnlyDictionary<string, IReadOnlyList<string>> CollectHeaders(HttpResponseMessage response)
    {
        var headers = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var header in response.Headers.Concat(response.Content.Headers))
        {
            headers[header.Key] = header.Value.ToArray();
        }

        return headers;
    }
}
