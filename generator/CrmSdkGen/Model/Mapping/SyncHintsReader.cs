using System.Globalization;
using System.Text.Json.Nodes;
using CrmSdkGen.Kernel;
using CrmSdkGen.Read;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>Reads the <c>x-crmsdkgen-sync</c> extension of a list operation; a value of the wrong kind is a located warning.</summary>
internal static class SyncHintsReader
{
    public const string Extension = "x-crmsdkgen-sync";

    public static ApiSyncHints? Read(OpenApiOperation operation, string pointer, DiagnosticSink sink)
    {
        if (operation.Extensions?.TryGetValue(Extension, out var extension) != true || extension is not JsonNodeExtension { Node: var node })
        {
            return null;
        }

        pointer += "/" + Extension;
        if (node is JsonValue flag && flag.TryGetValue<bool>(out var enabled))
        {
            return new ApiSyncHints(pointer, enabled);
        }

        if (node is not JsonObject hints)
        {
            sink.Report(DiagnosticIds.InvalidSyncHint, Severity.Warning, $"'{Extension}' takes false or an object; this value is ignored.", pointer);
            return null;
        }

        string? Text(JsonObject owner, string name, string at)
        {
            if (owner[name] is null)
            {
                return null;
            }

            if (owner[name] is JsonValue value && value.TryGetValue<string>(out var text))
            {
                return text;
            }

            sink.Report(DiagnosticIds.InvalidSyncHint, Severity.Warning, $"'{name}' takes a string; this value is ignored.", at + "/" + name);
            return null;
        }

        int? Number(JsonObject owner, string name, string at)
        {
            if (owner[name] is null)
            {
                return null;
            }

            // A YAML scalar may arrive as text: 250 and "250" are the same number here.
            if (owner[name] is JsonValue value && int.TryParse(value.ToString(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0)
            {
                return number;
            }

            sink.Report(DiagnosticIds.InvalidSyncHint, Severity.Warning, $"'{name}' takes a positive whole number; this value is ignored.", at + "/" + name);
            return null;
        }

        var search = hints["search"] as JsonObject;
        var searchPointer = pointer + "/search";
        var mode = Text(hints, "mode", pointer);
        if (mode is not null and not ("full" or "watermark" or "search" or "cursor" or "deltaToken"))
        {
            sink.Report(DiagnosticIds.InvalidSyncHint, Severity.Warning, $"The sync mode '{mode}' is not one of full, watermark, search, cursor, deltaToken; the generator chooses.", pointer + "/mode");
            mode = null;
        }

        return new ApiSyncHints(pointer, hints["enabled"] is not JsonValue toggle || !toggle.TryGetValue<bool>(out var on) || on)
        {
            Resource = Text(hints, "resource", pointer),
            Mode = mode,
            Key = Text(hints, "key", pointer),
            Modified = Text(hints, "modified", pointer),
            Deleted = Text(hints, "deleted", pointer),
            ETag = Text(hints, "etag", pointer),
            UpdatedSince = Text(hints, "updatedSince", pointer),
            PageSize = Text(hints, "pageSize", pointer),
            PageSizeMax = Number(hints, "pageSizeMax", pointer),
            SearchOperation = search is null ? Text(hints, "search", pointer) : Text(search, "operation", searchPointer),
            SearchModified = search is null ? null : Text(search, "modified", searchPointer),
            SearchTieBreak = search is null ? null : Text(search, "tieBreak", searchPointer),
            SearchResultCap = search is null ? null : Number(search, "resultCap", searchPointer),
            SearchPageSizeMax = search is null ? null : Number(search, "pageSizeMax", searchPointer),
            DeletedListing = Text(hints, "deletedListing", pointer),
            BatchUpdate = Text(hints, "batchUpdate", pointer),
        };
    }
}
