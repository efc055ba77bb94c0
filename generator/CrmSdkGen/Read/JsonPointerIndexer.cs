using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace CrmSdkGen.Read;

/// <summary>
/// Records the character offset of the property names and array items of a JSON document by pointer: every one, or only
/// those in <c>wanted</c> (subtrees outside it are skipped unread, so locating a few findings in a large spec costs one
/// pass and no string per node).
/// </summary>
internal static class JsonPointerIndexer
{
    public static void Fill(string text, Dictionary<string, (int Start, int Length)> index, ISet<string>? wanted = null)
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
                    var pointer = SpecPointer.Join(path);
                    if (wanted is not null && !wanted.Contains(pointer))
                    {
                        reader.Read();
                        reader.Skip();
                        path.RemoveAt(path.Count - 1);
                        continue;
                    }

                    var start = offsets.ToCharOffset(reader.TokenStartIndex);
                    index[pointer] = (start, offsets.ToCharOffset(reader.BytesConsumed) - start);
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    if (!EnterValue(ref reader, path, arrayCounters, containerIsArray, index, offsets, wanted))
                    {
                        continue;
                    }

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
                    if (EnterValue(ref reader, path, arrayCounters, containerIsArray, index, offsets, wanted))
                    {
                        LeaveValue(path, containerIsArray);
                    }

                    continue;
            }
        }
    }

    // False when the value is an array item outside the wanted pointers: it is skipped, and nothing is left to undo.
    private static bool EnterValue(ref Utf8JsonReader reader, List<string> path, Stack<int> counters, Stack<bool> isArray, Dictionary<string, (int, int)> index, Utf8Offsets offsets, ISet<string>? wanted)
    {
        if (isArray.Count > 0 && isArray.Peek())
        {
            var position = counters.Pop();
            counters.Push(position + 1);
            path.Add(position.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var pointer = SpecPointer.Join(path);
            if (wanted is not null && !wanted.Contains(pointer))
            {
                reader.Skip();
                path.RemoveAt(path.Count - 1);
                return false;
            }

            index[pointer] = (offsets.ToCharOffset(reader.TokenStartIndex), 1);
        }

        return true;
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
