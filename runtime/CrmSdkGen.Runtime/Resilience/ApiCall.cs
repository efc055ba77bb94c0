using System.Collections.Generic;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;

namespace CrmSdkGen.Runtime.Resilience;

/// <summary>One call of a generated operation across its attempts.</summary>
internal sealed class ApiCall
{
    public ApiCall(ApiRequest request, List<(SecurityScheme Scheme, ApiCredential Credential)> credentials, bool hasIdempotencyKey)
    {
        Request = request;
        Credentials = credentials;
        HasIdempotencyKey = hasIdempotencyKey;
    }

    public ApiRequest Request { get; }

    public List<(SecurityScheme Scheme, ApiCredential Credential)> Credentials { get; }

    public bool HasIdempotencyKey { get; }

    /// <summary>Attempts made so far, the current one included.</summary>
    public int Attempts { get; set; }

    /// <summary>The bearer token the last attempt sent, which a 401 rejects.</summary>
    public string? LastToken { get; set; }

    /// <summary>Whether a 401 already led to a new token; a second 401 is the caller's to see.</summary>
    public bool TokenRefreshed { get; set; }
}
