using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CrmSdkGen.Runtime.Diff;
using JsonDiffPatchDotNet;
using Newtonsoft.Json.Linq;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// Diff of 10,000 thirty-property contact pairs, 5% of them changed in one to three fields: JsonDiff.Patch (RFC 6902) on
/// JsonElements against JsonDiffPatch.Net 2.3 on JTokens, each on documents parsed beforehand.
/// </summary>
[MemoryDiagnoser]
public class DiffBenchmarks
{
    public const int Pairs = 10_000;
    private (JsonElement Left, JsonElement Right)[] _elements = null!;
    private (JToken Left, JToken Right)[] _tokens = null!;
    private JsonDiffPatch _jsonDiffPatch = null!;

    [GlobalSetup]
    public void Setup()
    {
        var left = ContactRecords.Generate(Pairs, broken: false);
        var right = left.Select((json, i) => i % 20 == 7 ? Change(json, i) : json).ToArray();
        _elements = left.Zip(right, (a, b) => (JsonDocument.Parse(a).RootElement, JsonDocument.Parse(b).RootElement)).ToArray();
        _tokens = left.Zip(right, (a, b) => (JToken.Parse(a), JToken.Parse(b))).ToArray();
        _jsonDiffPatch = new JsonDiffPatch();
        if (JsonDiffOperations() != JsonDiffPatchNet() || JsonDiffPatchNet() != Pairs / 20)
        {
            throw new InvalidOperationException("The diffs disagree on how many pairs differ.");
        }
    }

    [Benchmark(Baseline = true)]
    public int JsonDiffPatchNet()
    {
        var changed = 0;
        foreach (var (left, right) in _tokens)
        {
            if (_jsonDiffPatch.Diff(left, right) is not null)
            {
                changed++;
            }
        }

        return changed;
    }

    [Benchmark]
    public int JsonDiffOperations()
    {
        var changed = 0;
        foreach (var (left, right) in _elements)
        {
            if (JsonDiff.Patch(left, right).Count > 0)
            {
                changed++;
            }
        }

        return changed;
    }

    private static string Change(string json, int i)
    {
        var contact = JsonSerializer.Deserialize(json, HandWrittenJson.Default.HandWrittenContact)!;
        contact.City = "Paris";
        if (i % 3 == 0)
        {
            contact.Score = 99;
        }

        if (i % 2 == 0)
        {
            contact.Tags = ["vip", "renewal"];
        }

        return JsonSerializer.Serialize(contact, HandWrittenJson.Default.HandWrittenContact);
    }
}
