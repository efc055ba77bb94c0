using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>
/// The runtime's namespaces and types as generated code names them, in one place: a type the runtime moves or renames
/// is changed here (and in the templates, which the compile tests check) and nowhere else in the projectors.
/// </summary>
internal static class RuntimeTypes
{
    public const string Runtime = "global::CrmSdkGen.Runtime.";
    public const string Json = Runtime + "Json.";
    public const string Http = Runtime + "Http.";
    public const string Auth = Runtime + "Auth.";
    public const string Paging = Runtime + "Paging.";
    public const string Sync = Runtime + "Sync.";
    public const string Validation = Runtime + "Validation.";
    public const string Webhooks = Runtime + "Webhooks.";

    public const string JsonCodecs = Json + "JsonCodecs.";
    public const string JsonCodec = Json + "JsonCodec";
    public const string ListCodec = Json + "ListCodec";
    public const string DelimitedListCodec = Json + "DelimitedListCodec";
    public const string DictionaryCodec = Json + "DictionaryCodec";
    public const string NullableValueCodec = Json + "NullableValueCodec";
    public const string NullableReferenceCodec = Json + "NullableReferenceCodec";
    public const string StringEnumCodec = Json + "StringEnumCodec";
    public const string Int64EnumCodec = Json + "Int64EnumCodec";
    public const string ModelCodec = Json + "ModelCodec";
    public const string ApiModel = Json + "ApiModel";
    public const string FileContent = Http + "FileContent";
    public const string FileContentCodec = Http + "FileContentCodec";
    public const string ParameterFormatter = Http + "ParameterFormatter.";
    public const string ParameterStyles = Http + "ParameterStyles.";
    public const string ApiErrorMap = Http + "ApiErrorMap";
    public const string ApiResponse = Http + "ApiResponse";
    public const string PageWalker = Paging + "PageWalker.";
    public const string SyncJson = Sync + "SyncJson.";
    public const string ValidationRules = Validation + "ValidationRules.";
    public const string WebhookPayloads = Webhooks + "WebhookPayloads.";
    public const string WebhookEvent = Webhooks + "WebhookEvent";

    /// <summary>
    /// The member of the runtime's <c>SecuritySchemeKind</c> a scheme is described with. Spelled out rather than taken
    /// from the generator's enum names, so that renaming either enum cannot go unnoticed: a test maps every kind and
    /// checks each name against the runtime's enum, both ways.
    /// </summary>
    public static string SecuritySchemeKind(ApiSecurityKind kind) => kind switch
    {
        ApiSecurityKind.ApiKeyHeader => "ApiKeyHeader",
        ApiSecurityKind.ApiKeyQuery => "ApiKeyQuery",
        ApiSecurityKind.ApiKeyCookie => "ApiKeyCookie",
        ApiSecurityKind.Bearer => "Bearer",
        ApiSecurityKind.Basic => "Basic",
        _ => throw new System.ArgumentOutOfRangeException(nameof(kind), kind, "A security kind the runtime has no member for."),
    };
}
