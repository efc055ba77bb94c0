using System;

namespace CrmSdkGen.Runtime.Resilience;

/// <summary>
/// Carries an exception thrown while a body was being written, through HttpClient's wrapping, so that it is neither
/// taken for a network failure and retried nor hidden from the caller.
/// </summary>
internal sealed class RequestBodyException : Exception
{
    public RequestBodyException(Exception inner)
        : base(inner.Message, inner)
    {
    }
}
