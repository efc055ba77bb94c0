using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CrmSdkGen.Read;
using CrmSdkGen.Runtime.Json;
using Json.Schema;
using Microsoft.OpenApi;

namespace CrmSdkGen.Benchmarks;

/// <summary>
/// 100,000 thirty-property contacts, 5% of them invalid, checked against the Contact schema of
/// specs/acme/acme-contact-30.yaml: by the generated validators, and by JsonSchema.Net 8 evaluating the same JSON against
/// the same schema (serialised from the spec as JSON Schema 2020-12), with format validation on in both.
/// </summary>
[MemoryDiagnoser]
public class ValidationBenchmarks
{
    public const int Records = 100_000;
    private Bench.Calls.Models.Contact[] _models = null!;
    private JsonDocument[] _documents = null!;
    private JsonSchema _schema = null!;
    private EvaluationOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var json = ContactRecords.Generate(Records);
        _models = json.Select(JsonModel.Parse<Bench.Calls.Models.Contact>).ToArray();
        _documents = json.Select(text => JsonDocument.Parse(text)).ToArray();
        _schema = JsonSchema.FromText(ContactSchemaText());
        _options = new EvaluationOptions { OutputFormat = OutputFormat.Flag, RequireFormatValidation = true };
        var generated = GeneratedValidators();
        var reference = JsonSchemaNet();
        if (generated != reference || generated != Records / 20)
        {
            throw new InvalidOperationException($"The validators disagree: generated {generated} invalid, JsonSchema.Net {reference}, expected {Records / 20}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        foreach (var document in _documents)
        {
            document.Dispose();
        }
    }

    [Benchmark(Baseline = true)]
    public int JsonSchemaNet()
    {
        var invalid = 0;
        foreach (var document in _documents)
        {
            if (!_schema.Evaluate(document.RootElement, _options).IsValid)
            {
                invalid++;
            }
        }

        return invalid;
    }

    [Benchmark]
    public int GeneratedValidators()
    {
        var invalid = 0;
        foreach (var model in _models)
        {
            if (!model.Validate().IsValid)
            {
                invalid++;
            }
        }

        return invalid;
    }

    // The spec's own Contact schema, written out as JSON Schema 2020-12 by Microsoft.OpenApi.
    private static string ContactSchemaText()
    {
        var path = Path.Combine(SpecsDirectory.Find(), "acme", "acme-contact-30.yaml");
        var text = File.ReadAllText(path);
        var document = SpecReader.Read(text, SpecFormat.Yaml, new DiagnosticSink(path, new SpecLocator(text, SpecFormat.Yaml)))
            ?? throw new InvalidOperationException("The benchmark spec does not load.");
        using var schema = new StringWriter();
        document.Components!.Schemas!["Contact"].SerializeAsV31(new OpenApiJsonWriter(schema));
        return schema.ToString();
    }
}
