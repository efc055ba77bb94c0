using System.Collections.Generic;

namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>One call a sync adapter makes on the generated client, as its parts.</summary>
internal sealed class SyncCallTemplateModel
{
    /// <summary>What the adapter calls it for: "list", "get", "create", "update", "delete", "batch_update" or "search".</summary>
    public string Role { get; set; } = string.Empty;

    /// <summary>The root client's property of the tag client (<c>_client.{group}</c>).</summary>
    public string Group { get; set; } = string.Empty;

    /// <summary>The method of the tag client.</summary>
    public string Method { get; set; } = string.Empty;

    /// <summary>Code: the named arguments (<c>name: value</c>) before the cancellation token, reading the adapter method's variables.</summary>
    public List<string> Arguments { get; } = new();
}
