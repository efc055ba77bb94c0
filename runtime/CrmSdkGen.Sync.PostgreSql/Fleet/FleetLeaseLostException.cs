using System;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>
/// A worker tried to commit (or to send a request) for an account whose lease it no longer holds: the lease expired
/// while the worker was paused or cut off, and another worker may hold it now. Nothing was written.
/// </summary>
public sealed class FleetLeaseLostException : Exception
{
    /// <summary>The exception for <paramref name="account"/>'s lease with fencing token <paramref name="fence"/>.</summary>
    public FleetLeaseLostException(string account, long fence)
        : base($"The lease on account '{account}' (fencing token {fence}) is no longer held by this worker; nothing was written.")
    {
        Account = account;
        Fence = fence;
    }

    /// <summary>The account.</summary>
    public string Account { get; }

    /// <summary>The fencing token of the lost lease.</summary>
    public long Fence { get; }
}
