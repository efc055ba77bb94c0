using System;

namespace CrmSdkGen.Testing.Recording;

/// <summary>A replayed client sent a request that the recording does not hold (or holds fewer times).</summary>
public sealed class UnrecordedRequestException : InvalidOperationException
{
    /// <summary>The request <paramref name="method"/> <paramref name="uri"/> was not recorded.</summary>
    public UnrecordedRequestException(string method, string uri)
        : base($"{method} {uri} was not recorded (or not as often); record the interaction again.")
    {
        (Method, Uri) = (method, uri);
    }

    /// <summary>The request's method.</summary>
    public string Method { get; }

    /// <summary>The request's path and query, redacted as the recording is.</summary>
    public string Uri { get; }
}
