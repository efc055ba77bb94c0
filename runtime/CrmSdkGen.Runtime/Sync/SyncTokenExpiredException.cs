using System;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>
/// Thrown by an adapter when the CRM no longer accepts a delta token, cursor or page token. The sync engine also treats
/// an <see cref="Http.ApiException"/> with status 410 Gone this way.
/// </summary>
public sealed class SyncTokenExpiredException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SyncTokenExpiredException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
