using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CrmSdkGen.Read;

/// <summary>Records the character offset of every property name and array item of a JSON document by pointer.</summary>
internal static class JsonPointerIndexer
{
    public static void Fill(string text, Dictionary<string, (int Start, int Length)> index)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var offsets = new Utf8Offsets(text);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 1024 });
        var path = new List<string>();
        var arrayCounters = new Stack<int>();
        var containerIsArray = new Stack<bool>();
        index["#"] = (0, 1);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    path.Add(reader.GetString()!);
                    var start = offsets.ToCharOffset(reader.TokenStartIndex);
                    index[SpecPointer.Join(path)] = (start, offsets.ToCharOffset(reader.BytesConsumed) - start);
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    EnterValue(ref reader, path, arrayCounters, containerIsArray, index, offsets);
                    containerIsArray.Push(reader.TokenType == JsonTokenType.StartArray);
                    arrayCounters.Push(0);
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    containerIsArray.Pop();
                    arrayCounters.Pop();
                    LeaveValue(path, containerIsArray);
                    continue;
                default:
                    EnterValue(ref reader, path, arrayCounters, containerIsArray, index, offsets);
                    LeaveValue(path, containerIsArray);
                    continue;
            }
        }
    }

    private static void EnterValue(ref Utf8JsonReader reader, List<string> path, Stack<int> counters, Stack<bool> isArray, Dictionary<string, (int, int)> index, Utf8Offsets offsets)
    {
        if (isArray.Count > 0 && isArray.Peek())
        {
            var position = counters.Pop();
            counters.Push(position + 1);
            path.Add(position.ToString(System.Globalization.CultureInfo.InvariantCulture));
            index[SpecPointer.Join(path)] = (offsets.ToCharOffset(reader.TokenStartIndex), 1);
        }
    }

    private static void LeaveValue(List<string> path, Stack<bool> isArray)
    {
        // A value inside an object or array closes the segment that named it.
        if (isArray.Count > 0 && path.Count > 0)
        {
            path.RemoveAt(path.Count - 1);
        }
    }
}
