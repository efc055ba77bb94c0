using System;
using System.Buffers;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;

namespace CrmSdkGen.Runtime.Sync;

/// <summary>Writes the search body of a slice in the CRM's dialect and reads its answer.</summary>
internal static class SyncSearchBody
{
    public static JsonElement Write(SyncSearchOptions options, SyncSearchState state)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            if (options.Dialect == SyncSearchDialect.Query)
            {
                WriteQuery(writer, options, state);
            }
            else
            {
                WriteFilterGroups(writer, options, state);
            }
        }

        return JsonElements.FromUtf8(buffer.WrittenSpan);
    }

    /// <summary>The records, the number of results of the query (if the CRM says) and the token of its next page.</summary>
    public static (List<JsonElement> Records, long? Total, string? Next) Read(SyncSearchOptions options, JsonElement answer)
    {
        var query = options.Dialect == SyncSearchDialect.Query;
        var records = new List<JsonElement>();
        if (answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(query ? "data" : "results", out var results) && results.ValueKind == JsonValueKind.Array)
        {
            foreach (var record in results.EnumerateArray())
            {
                records.Add(record);
            }
        }

        long? total = answer.ValueKind == JsonValueKind.Object && answer.TryGetProperty(query ? "total_count" : "total", out var count) && count.TryGetInt64(out var value) ? value : null;
        var next = query ? Path(answer, "pages", "next", "starting_after") : Path(answer, "paging", "next", "after");
        return (records, total, string.IsNullOrEmpty(next) ? null : next);
    }

    private static void WriteFilterGroups(Utf8JsonWriter writer, SyncSearchOptions options, SyncSearchState state)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("filterGroups");
        writer.WriteStartObject();
        writer.WriteStartArray("filters");
        Filter(writer, options.ModifiedProperty, "GTE", state.From.ToString(CultureInfo.InvariantCulture));
        Filter(writer, options.ModifiedProperty, "LT", state.End.ToString(CultureInfo.InvariantCulture));
        if (state.ByKey && options.TieBreakProperty is { } tieBreak)
        {
            if (state.KeyAfter is { } after)
            {
                Filter(writer, tieBreak, "GT", after);
            }

            if (state.KeyEnd is { } end)
            {
                Filter(writer, tieBreak, "LTE", end);
            }
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteStartArray("sorts");
        if (options.Sort)
        {
            writer.WriteStartObject();
            writer.WriteString("propertyName", state.ByKey && options.TieBreakProperty is { } sortKey ? sortKey : options.ModifiedProperty);
            writer.WriteString("direction", "ASCENDING");
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteStartArray("properties");
        writer.WriteEndArray();
        writer.WriteNumber("limit", options.PageSize);
        writer.WriteString("after", state.After ?? "0");
        writer.WriteEndObject();
    }

    private static void Filter(Utf8JsonWriter writer, string property, string comparison, string value)
    {
        writer.WriteStartObject();
        writer.WriteString("propertyName", property);
        writer.WriteString("operator", comparison);
        writer.WriteString("value", value);
        writer.WriteEndObject();
    }

    // Intercom compares dates in whole seconds with '>' and '<' only: [from, end) becomes > from-1s and < end rounded up.
    private static void WriteQuery(Utf8JsonWriter writer, SyncSearchOptions options, SyncSearchState state)
    {
        writer.WriteStartObject();
        writer.WriteStartObject("query");
        writer.WriteString("operator", "AND");
        writer.WriteStartArray("value");
        Condition(writer, options.ModifiedProperty, ">", FloorSeconds(state.From) - 1);
        Condition(writer, options.ModifiedProperty, "<", FloorSeconds(state.End + 999));
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteStartObject("pagination");
        writer.WriteNumber("per_page", options.PageSize);
        if (state.After is { } after)
        {
            writer.WriteString("starting_after", after);
        }

        writer.WriteEndObject();
        if (options.Sort)
        {
            writer.WriteStartObject("sort");
            writer.WriteString("field", options.ModifiedProperty);
            writer.WriteString("order", "ascending");
            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    private static void Condition(Utf8JsonWriter writer, string field, string comparison, long value)
    {
        writer.WriteStartObject();
        writer.WriteString("field", field);
        writer.WriteString("operator", comparison);
        writer.WriteNumber("value", value);
        writer.WriteEndObject();
    }

    private static long FloorSeconds(long milliseconds) => (long)Math.Floor(milliseconds / 1000.0);

    private static string? Path(JsonElement element, params string[] names)
    {
        foreach (var name in names)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(name, out element))
            {
                return null;
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.String => element.GetString(),
            JsonValueKind.Number => element.GetRawText(),
            _ => null,
        };
    }
}
