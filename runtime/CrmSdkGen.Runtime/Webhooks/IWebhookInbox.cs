using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace CrmSdkGen.Runtime.Webhooks;

/// <summary>
/// The durable inbox of webhook events: an event is stored before its delivery is answered 2xx, once per (source, id)
/// however often the CRM delivers it, and stays until its handlers succeed or it is dead-lettered.
/// </summary>
public interface IWebhookInbox
{
    /// <summary>Stores the events of one delivery in one transaction; returns how many were new (the rest were duplicates).</summary>
    Task<int> AddAsync(IReadOnlyList<WebhookEvent> events, CancellationToken cancellationToken = default);

    /// <summary>Up to <paramref name="max"/> pending events due by <paramref name="now"/>, oldest first.</summary>
    Task<IReadOnlyList<WebhookEvent>> TakeDueAsync(int max, DateTimeOffset now, CancellationToken cancellationToken = default);

    /// <summary>Marks an event handled.</summary>
    Task MarkHandledAsync(string source, string id, CancellationToken cancellationToken = default);

    /// <summary>Records a failed attempt: due again at <paramref name="retryAt"/>, or dead-lettered when it is null.</summary>
    Task MarkFailedAsync(string source, string id, string error, DateTimeOffset? retryAt, CancellationToken cancellationToken = default);

    /// <summary>The dead-lettered events, oldest first.</summary>
    Task<IReadOnlyList<WebhookEvent>> GetDeadLettersAsync(CancellationToken cancellationToken = default);

    /// <summary>Makes a dead-lettered event pending again, its attempts forgotten; false when there is none.</summary>
    Task<bool> ReplayAsync(string source, string id, CancellationToken cancellationToken = default);
}
