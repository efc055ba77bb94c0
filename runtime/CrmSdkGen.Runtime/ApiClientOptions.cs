using System;
using System.Collections.Generic;
using CrmSdkGen.Runtime.Auth;

namespace CrmSdkGen.Runtime;

/// <summary>Settings shared by every generated client; each generated client derives its own options from this.</summary>
public class ApiClientOptions
{
    private readonly Dictionary<string, ApiCredential> _credentials = new(StringComparer.Ordinal);

    /// <summary>
    /// The base address of the API. Used when the HttpClient has no BaseAddress; when both are empty, the spec's first server is used.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>Sets or clears the credential for the security scheme named <paramref name="schemeKey"/> in the spec.</summary>
    public void SetCredential(string schemeKey, ApiCredential? credential)
    {
        if (credential is null)
        {
            _credentials.Remove(schemeKey);
        }
        else
        {
            _credentials[schemeKey] = credential;
        }
    }

    /// <summary>The credential configured for the security scheme named <paramref name="schemeKey"/>, if any.</summary>
    public ApiCredential? GetCredential(string schemeKey) => _credentials.TryGetValue(schemeKey, out var credential) ? credential : null;
}
