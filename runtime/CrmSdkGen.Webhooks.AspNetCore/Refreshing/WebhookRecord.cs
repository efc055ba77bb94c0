namespace CrmSdkGen.Webhooks.Refreshing;

/// <summary>A record an event names: the CRM's object type (such as "contact") and the record's key.</summary>
/// <param name="ObjectType">The object type, as the sender names it.</param>
/// <param name="Key">The record's key, as the sync engine stores it.</param>
public readonly record struct WebhookRecord(string ObjectType, string Key);
