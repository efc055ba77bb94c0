using System.Collections.Generic;
using System.Globalization;
using System.IO;
using SharpYaml;
using SharpYaml.Events;

namespace CrmSdkGen.Read;

/// <summary>Records the character offset of every mapping key and sequence item of a YAML document by pointer.</summary>
internal static class YamlPointerIndexer
{
    public static void Fill(string text, Dictionary<string, (int Start, int Length)> index)
    {
        var parser = Parser.CreateParser(new StringReader(text));
        var path = new List<string>();
        var frames = new Stack<Frame>();
        index["#"] = (0, 1);
        while (parser.MoveNext())
        {
            var current = parser.Current;
            switch (current)
            {
                case MappingStart or SequenceStart:
                    OpenValue(current, path, frames, index);
                    frames.Push(new Frame(current is SequenceStart));
                    break;
                case MappingEnd or SequenceEnd:
                    frames.Pop();
                    CloseValue(path, frames);
                    break;
                case Scalar scalar when frames.Count > 0 && !frames.Peek().IsSequence && frames.Peek().ExpectingKey:
                    frames.Peek().ExpectingKey = false;
                    path.Add(scalar.Value);
                    index[SpecPointer.Join(path)] = (scalar.Start.Index, scalar.Value.Length == 0 ? 1 : scalar.End.Index - scalar.Start.Index);
                    break;
                case Scalar or AnchorAlias:
                    OpenValue(current, path, frames, index);
                    CloseValue(path, frames);
                    break;
            }
        }
    }

    private static void OpenValue(ParsingEvent current, List<string> path, Stack<Frame> frames, Dictionary<string, (int, int)> index)
    {
        if (frames.Count > 0 && frames.Peek().IsSequence)
        {
            var frame = frames.Peek();
            path.Add(frame.NextItem.ToString(CultureInfo.InvariantCulture));
            frame.NextItem++;
            index[SpecPointer.Join(path)] = (current.Start.Index, 1);
        }
    }

    private static void CloseValue(List<string> path, Stack<Frame> frames)
    {
        if (frames.Count == 0)
        {
            return;
        }

        frames.Peek().ExpectingKey = true;
        if (path.Count > 0)
        {
            path.RemoveAt(path.Count - 1);
        }
    }

    private sealed class Frame
    {
        public Frame(bool isSequence) => IsSequence = isSequence;

        public bool IsSequence { get; }

        public bool ExpectingKey { get; set; } = true;

        public int NextItem { get; set; }
    }
}
