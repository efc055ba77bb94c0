using System;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>Where one account stands.</summary>
/// <param name="Account">The account.</param>
/// <param name="Budget">Its request budget, if it has one.</param>
/// <param name="LeaseOwner">The worker holding its lease, if any (the lease may have expired).</param>
/// <param name="LeaseExpires">When the lease expires.</param>
/// <param name="Fence">The fencing token of the latest lease: each new lease gets a greater one.</param>
/// <param name="PausedReason">Why the account is paused (such as repeated 401s), or null when it runs.</param>
public sealed record FleetAccountStatus(string Account, FleetRateBudget? Budget, string? LeaseOwner, DateTimeOffset? LeaseExpires, long Fence, string? PausedReason);
