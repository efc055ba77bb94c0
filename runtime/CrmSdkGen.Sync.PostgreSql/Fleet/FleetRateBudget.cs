using System;

namespace CrmSdkGen.Sync.PostgreSql.Fleet;

/// <summary>
/// An account's request budget, held in the database so that the whole fleet keeps to it, however many workers run
/// the account's jobs: at most <paramref name="Requests"/> requests in any <paramref name="Window"/> (HubSpot: 100 per
/// 10 seconds per portal for private apps).
/// </summary>
/// <param name="Requests">How many requests the window allows.</param>
/// <param name="Window">The sliding window.</param>
public sealed record FleetRateBudget(int Requests, TimeSpan Window);
