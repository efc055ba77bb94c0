using System.Collections.Generic;
using System.Net.Http;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Resilience;

namespace CrmSdkGen.Runtime.Http;

/// <summary>One call of a generated operation across its attempts.</summary>
internal sealed class ApiCall : PipelineCall
{
    public ApiCall(ApiRequest request, List<(SecurityScheme Scheme, ApiCredential Credential)> credentials, bool hasIdempotencyKey)
    {
        Request = request;
        Credentials = credentials;
        HasIdempotencyKey = hasIdempotencyKey;
    }

    public ApiRequest Request { get; }

    public List<(SecurityScheme Scheme, ApiCredential Credential)> Credentials { get; }

    public override bool HasIdempotencyKey { get; }

    public override HttpMethod Method => Request.Method;

    public override string PathTemplate => Request.PathTemplate;

    public override bool IsReplayable => Request.IsReplayable;

    /// <summary>The last attempt's message with its credentials applied, which a 401 rejects.</summary>
    public HttpRequestMessage? LastAttempt { get; set; }

    /// <summary>Whether a 401 already renewed a credential; a second 401 is the caller's to see.</summary>
    public bool TokenRefreshed { get; set; }
}
