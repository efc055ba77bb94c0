using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>
/// References that point below a named component, as PagerDuty's spec writes them by the thousand
/// (<c>#/components/schemas/Tag/allOf/0</c>): the reader resolves only named components, so these are hoisted first.
/// </summary>
public sealed class DeepReferenceTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Incidents, version: "2" }
        paths:
          /tags:
            get:
              operationId: ListTags
              parameters:
                - { name: query, in: query, schema: { type: string, maxLength: 20 } }
              responses:
                "200":
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          tag: { $ref: '#/components/schemas/Tag/allOf/0' }
                          kind: { $ref: '#/components/schemas/CustomField/properties/field_type' }
                          flag: { $ref: '#/components/schemas/CustomField/properties/value/oneOf/0' }
                          holder: { $ref: '#/components/schemas/Holder/properties/tag' }
                "409":
                  description: conflict
                  content:
                    application/json:
                      schema: { $ref: '#/components/responses/Conflict/content/application~1json/schema' }
          /tags/search:
            get:
              operationId: SearchTags
              parameters:
                - $ref: '#/paths/~1tags/get/parameters/0'
              responses:
                "204": { description: none }
        components:
          responses:
            Conflict:
              description: conflict
              content:
                application/json:
                  schema:
                    type: object
                    properties:
                      error: { type: string }
          schemas:
            Tag:
              allOf:
                - type: object
                  properties:
                    id: { type: string }
                    owner: { $ref: '#/components/schemas/Missing' }
                - type: object
                  properties:
                    label: { type: string }
            CustomField:
              type: object
              properties:
                field_type: { type: string, enum: [single_value, multi_value] }
                value:
                  oneOf:
                    - { title: Boolean, type: object, properties: { value: { type: boolean } } }
                    - { title: Text, type: object, properties: { value: { type: string } } }
            Holder:
              type: object
              properties:
                tag: { $ref: '#/components/schemas/Tag' }
        """;

    [Fact]
    public void Deep_schema_pointers_become_one_named_type_used_wherever_they_point()
    {
        var result = GeneratedCompilation.GenerateText(Spec);
        var code = GeneratedCompilation.Text(result);

        // The only finding is the spec's own dangling reference, located where it is written.
        var diagnostic = Assert.Single(result.Diagnostics);
        Assert.Equal("CSG0004", diagnostic.Id);
        Assert.Contains("Missing", diagnostic.Message, StringComparison.Ordinal);
        Assert.Equal(Line("owner: { $ref: '#/components/schemas/Missing' }"), diagnostic.Span.StartLine);

        Assert.Contains("public global::Test.Api.Models.TagAllOf0? Tag { get", code);
        Assert.Contains("public global::Test.Api.Models.CustomFieldFieldType? Kind { get", code);
        Assert.Contains("public global::Test.Api.Models.CustomFieldValueBoolean? Flag { get", code);
        Assert.Contains("public global::Test.Api.Models.Tag? Holder { get", code);
        Assert.Single(result.Files, file => file.HintName.Contains("CustomFieldFieldType", StringComparison.Ordinal));
        Assert.DoesNotContain("CustomFieldFieldType2", code);
        Assert.Contains("SearchTagsAsync(string? query = default,", code);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));

        var read = GeneratedCompilation.Run(result, """
            /// <summary>Reads a tag list answer.</summary>
            public static class Probe
            {
                /// <summary>The members read through the hoisted schemas.</summary>
                public static string Run()
                {
                    var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(
                        "{\"tag\":{\"id\":\"t1\"},\"kind\":\"multi_value\",\"flag\":{\"value\":true},\"holder\":{\"id\":\"t2\",\"label\":\"vip\"}}"));
                    reader.Read();
                    var answer = Test.Api.Models.ListTagsResponse.ReadJson(ref reader);
                    return answer.Tag!.Id + "|" + (answer.Kind == Test.Api.Models.CustomFieldFieldType.MultiValue) + "|" + answer.Flag!.Value + "|" + answer.Holder!.Id + "|" + answer.Holder.Label;
                }
            }
            """);
        Assert.Equal("t1|True|True|t2|vip", read);
    }

    [Fact]
    public void Odd_deep_pointers_never_fail_the_generator()
    {
        // Two spellings of one node, pointers into a moved schema, alias cycles, and pointers at nothing.
        const string spec = """
            openapi: 3.0.3
            info: { title: Odd, version: "1" }
            paths:
              /odd:
                get:
                  operationId: GetOdd
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              a: { $ref: '#/components/schemas/Box/allOf/0' }
                              b: { $ref: '#/components/schemas/Box/allOf/00' }
                              c: { $ref: '#/components/schemas/Box/allOf/0/properties/inner' }
                              d: { $ref: '#/components/schemas/Loop/properties/x' }
                              e: { $ref: '#/components/schemas/Box/allOf/7' }
                              f: { $ref: '#/components/schemas/Box/allOf/0/properties/inner/properties/deepest' }
            components:
              schemas:
                Box:
                  allOf:
                    - type: object
                      properties:
                        inner:
                          type: object
                          properties:
                            deepest: { type: string, enum: [one, two] }
                Loop:
                  type: object
                  properties:
                    x: { $ref: '#/components/schemas/Loop/properties/y' }
                    y: { $ref: '#/components/schemas/Loop/properties/x' }
            """;

        var result = GeneratedCompilation.GenerateText(spec);
        var code = GeneratedCompilation.Text(result);

        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Id == "CSG0008");
        var nothing = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == "CSG0004");
        Assert.Contains("'#/components/schemas/Box/allOf/7' points at nothing", nothing.Message, StringComparison.Ordinal);
        Assert.Contains(result.Diagnostics, diagnostic => diagnostic.Id == "CSG0013" && diagnostic.Message.Contains("Loop/properties/x", StringComparison.Ordinal));
        Assert.Contains("public global::Test.Api.Models.BoxAllOf0? A { get", code);
        Assert.Contains("public global::Test.Api.Models.BoxAllOf0? B { get", code);
        Assert.Contains("public global::Test.Api.Models.BoxAllOf0Inner? C { get", code);
        Assert.Contains("public global::Test.Api.Models.BoxAllOf0InnerDeepest? F { get", code);
        Assert.Contains("public global::Test.Api.Models.BoxAllOf0InnerDeepest? Deepest { get", code);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void Swagger_2_deep_pointers_and_chains_of_references_resolve_too()
    {
        const string spec = """
            swagger: "2.0"
            info: { title: Deals, version: "1" }
            paths:
              /deals:
                get:
                  operationId: ListDeals
                  responses:
                    "200":
                      description: ok
                      schema:
                        type: object
                        properties:
                          stage: { $ref: '#/definitions/Deal/properties/stage' }
                          problem: { $ref: '#/responses/Conflict/schema' }
                          again: { $ref: '#/definitions/Chain/properties/second' }
                          shared: { $ref: '#/x-shared/Address' }
                          top: { $ref: '#/x-top' }
            responses:
              Conflict:
                description: conflict
                schema: { type: object, properties: { reason: { type: string } } }
            definitions:
              Deal:
                type: object
                properties:
                  stage: { type: string, enum: [open, won] }
              Chain:
                type: object
                properties:
                  second: { $ref: '#/definitions/Chain/properties/first' }
                  first: { $ref: '#/definitions/Deal/properties/stage' }
            x-shared:
              Address: { type: object, properties: { city: { type: string } } }
            x-top: { type: object, properties: { zone: { type: string } } }
            """;

        var result = GeneratedCompilation.GenerateText(spec);
        var code = GeneratedCompilation.Text(result);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public global::Test.Api.Models.DealStage? Stage { get", code);
        Assert.Contains("public global::Test.Api.Models.DealStage? Again { get", code);
        Assert.Contains("public global::Test.Api.Models.ResponsesConflict? Problem { get", code);
        Assert.Contains("public string? Reason { get", code);
        Assert.Contains("public string? City { get", code);
        Assert.Contains("public string? Zone { get", code);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void A_deep_pointer_at_a_reference_into_another_file_reaches_that_file()
    {
        const string main = """
            openapi: 3.0.3
            info: { title: Main, version: "1" }
            paths:
              /deals:
                get:
                  operationId: ListDeals
                  responses:
                    "200":
                      description: ok
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              owner: { $ref: '#/components/schemas/Deal/properties/owner' }
            components:
              schemas:
                Deal:
                  type: object
                  properties:
                    owner: { $ref: 'people.yaml#/Person' }
            """;
        const string people = "Person:\n  type: object\n  properties:\n    name: { type: string }\n";
        var source = new SpecSource("/0/specs/main.yaml", main, "Test.Main", "MainClient", "Test")
        {
            Siblings = new[] { new SpecFile("/0/specs/people.yaml", people) }.ToEquatableArray(),
        };

        var result = SdkGenerator.Generate(source);
        var code = GeneratedCompilation.Text(result);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public global::Test.Main.Models.Person? Owner { get", code);
        Assert.Contains("public string? Name { get", code);
    }

    // Spans count lines from zero.
    private static int Line(string text) =>
        Array.FindIndex(Spec.Split('\n'), line => line.Contains(text, StringComparison.Ordinal));
}
