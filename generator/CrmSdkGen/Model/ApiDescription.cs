using CrmSdkGen.Kernel;

namespace CrmSdkGen.Model;

/// <summary>Everything the later stages need from a spec, as immutable values that compare by content.</summary>
internal sealed record ApiDescription(
    string Title,
    string Version,
    string? Description,
    string? ServerUrl,
    EquatableArray<ApiSchema> Schemas,
    EquatableArray<ApiOperation> Operations,
    EquatableArray<ApiSecurityScheme> SecuritySchemes)
{
    /// <summary>The resources a sync adapter is generated for.</summary>
    public EquatableArray<ApiSyncResource> SyncResources { get; init; } = EquatableArray<ApiSyncResource>.Empty;

    /// <summary>The requests the API sends to the integrator: 3.1 webhooks and operations' callbacks.</summary>
    public EquatableArray<ApiWebhook> Webhooks { get; init; } = EquatableArray<ApiWebhook>.Empty;
}
