using System;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Auth;

/// <summary>An API key, sent where the spec's apiKey scheme says (header, query or cookie).</summary>
public sealed class ApiKeyCredential : ApiCredential
{
    /// <summary>Creates the credential.</summary>
    public ApiKeyCredential(string key) => Key = key ?? throw new ArgumentNullException(nameof(key));

    internal string Key { get; }

    /// <inheritdoc />
    public override bool CanApplyTo(SecurityScheme scheme) =>
        scheme.Kind is SecuritySchemeKind.ApiKeyHeader or SecuritySchemeKind.ApiKeyQuery or SecuritySchemeKind.ApiKeyCookie;

    /// <inheritdoc />
    public override ValueTask ApplyAsync(HttpRequestMessage request, SecurityScheme scheme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(scheme);
        var name = scheme.ParameterName ?? throw new InvalidOperationException($"The API key scheme '{scheme.Key}' names no parameter.");
        switch (scheme.Kind)
        {
            case SecuritySchemeKind.ApiKeyQuery:
                var address = request.RequestUri?.OriginalString ?? string.Empty;
                var separator = address.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                request.RequestUri = new Uri(address + separator + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(Key), UriKind.RelativeOrAbsolute);
                break;
            case SecuritySchemeKind.ApiKeyCookie:
                var cookie = name + "=" + Uri.EscapeDataString(Key);
                if (request.Headers.TryGetValues("Cookie", out var existing))
                {
                    cookie = string.Join("; ", existing.Append(cookie));
                    request.Headers.Remove("Cookie");
                }

                request.Headers.TryAddWithoutValidation("Cookie", cookie);
                break;
            default:
                request.Headers.TryAddWithoutValidation(name, Key);
                break;
        }

        return default;
    }
}
