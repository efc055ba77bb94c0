using CrmSdkGen.CSharp;
using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Fuzz;

/// <summary>Names of thousands or millions of characters: cut, reported where they are used as names, and cheap.</summary>
public sealed class LongNameTests
{
    [Fact]
    public void An_operationId_of_millions_of_characters_is_left_out_with_a_finding_and_the_method_named_from_its_path()
    {
        var spec = "openapi: 3.0.3\ninfo: { title: t, version: \"1\" }\npaths:\n  /contacts:\n    get:\n      tags: [" + new string('T', 5_000) + "]\n      operationId: "
            + new string('n', 3_000_000) + "\n      responses: { \"200\": { description: ok } }\n";
        var source = new SpecSource("/fuzz/long-operation.yaml", spec, "Fuzz.Api", "FuzzClient", "Fuzz");

        var problem = FuzzRun.Problem(source, TimeSpan.FromSeconds(60));
        var result = SdkGenerator.Generate(source);

        Assert.True(problem is null, problem);
        var finding = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.LimitExceeded);
        Assert.Equal(6, finding.Span.StartLine);
        Assert.Contains("operationId of 3000000 characters", finding.Message, StringComparison.Ordinal);
        var code = GeneratedCompilation.Text(result);
        Assert.Contains("GetContactsAsync(", code, StringComparison.Ordinal);
        Assert.Contains("class ContactsClient", code, StringComparison.Ordinal);
    }

    [Fact]
    public void Identifiers_longer_than_the_limit_are_cut_and_stay_apart_by_a_hash_of_the_whole()
    {
        var stem = new string('a', 600);
        var first = Identifier.Pascal(stem + "one");
        var second = Identifier.Pascal(stem + "two");

        Assert.Equal(Identifier.MaxLength, first.Length);
        Assert.NotEqual(first, second);
        Assert.Equal(first, Identifier.Pascal(stem + "one"));
        Assert.StartsWith("A" + new string('a', Identifier.MaxLength - 10) + "_", first, StringComparison.Ordinal);
        Assert.Equal("Short", Identifier.Pascal("short"));
        Assert.Equal(Identifier.MaxLength, Identifier.Pascal(new string('b', Identifier.MaxLength)).Length);
        Assert.Equal(new string('B', 1) + new string('b', Identifier.MaxLength - 1), Identifier.Pascal(new string('b', Identifier.MaxLength)));
    }

    [Fact]
    public void Schemas_with_names_beyond_what_CSharp_accepts_compile()
    {
        var stem = new string('x', 700);
        var result = GeneratedCompilation.GenerateText($$"""
            openapi: 3.0.3
            info: { title: t, version: "1" }
            paths: {}
            components:
              schemas:
                {{stem}}A: { type: object, properties: { id: { type: string } } }
                {{stem}}B: { type: object, properties: { a: { $ref: '#/components/schemas/{{stem}}A' } } }
            """);

        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
        Assert.All(result.Files, file => Assert.True(file.HintName.Length < 200, file.HintName));
    }
}
