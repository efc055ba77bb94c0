using System;
using System.Threading;

namespace CrmSdkGen.Runtime.Http;

/// <summary>
/// Values that flow with the calls made inside a scope, for code that calls a generated method and cannot add a header
/// to it, such as a sync adapter that must send the same idempotency key again after a crash.
/// </summary>
public static class ApiCallContext
{
    private static readonly AsyncLocal<string?> s_idempotencyKey = new();

    /// <summary>The idempotency key the POST and PATCH requests of the current scope carry, if one was set.</summary>
    public static string? IdempotencyKey => s_idempotencyKey.Value;

    /// <summary>
    /// Makes the POST and PATCH requests sent until the returned scope is disposed carry <paramref name="key"/> in the
    /// client's idempotency key header (unless they set one themselves), so a server that honours it applies them once.
    /// </summary>
    public static IDisposable UseIdempotencyKey(string key)
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var previous = s_idempotencyKey.Value;
        s_idempotencyKey.Value = key;
        return new Scope(previous);
    }

    private sealed class Scope(string? previous) : IDisposable
    {
        public void Dispose() => s_idempotencyKey.Value = previous;
    }
}
