using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>Unions whose every alternative is a constant, as Discord writes its enums, become enums.</summary>
public sealed class ConstantEnumTests
{
    [Fact]
    public void Unions_of_constants_are_enums_named_from_their_titles_and_read_from_the_wire()
    {
        // Discord writes every enum this way; as unions of two strings they read no value at all.
        const string spec = """
            openapi: 3.1.0
            info: { title: Consts, version: "1" }
            paths: {}
            components:
              schemas:
                ChannelTypes:
                  type: integer
                  oneOf:
                    - { title: GUILD_TEXT, description: A text channel, const: 0 }
                    - { title: DM, const: 1 }
                    - { title: GuildVoice, const: 2 }
                    - { const: 13 }
                Visibility:
                  oneOf:
                    - { const: public }
                    - { const: private }
                Ratio:
                  oneOf:
                    - { type: number, const: 0.5 }
                    - { type: string, const: half }
                Channel:
                  type: object
                  properties:
                    type: { $ref: '#/components/schemas/ChannelTypes' }
                    visibility: { $ref: '#/components/schemas/Visibility' }
                    parent_type:
                      oneOf: [ { const: 0 }, { const: 1 }, { type: 'null' } ]
                  required: [parent_type]
            """;

        var result = GeneratedCompilation.GenerateText(spec);
        var code = GeneratedCompilation.Text(result);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public enum ChannelTypes : long", code);
        Assert.Contains("GuildText = 0,", code);
        Assert.Contains("Dm = 1,", code);
        Assert.Contains("GuildVoice = 2,", code);
        Assert.Contains("Value13 = 13,", code);
        Assert.Contains("public readonly partial record struct Visibility : global::CrmSdkGen.Runtime.Json.IStringEnum<Visibility>", code);
        Assert.Contains("public static Visibility Private { get; } = new(\"private\");", code);
        Assert.Contains("public partial class Ratio : global::CrmSdkGen.Runtime.Json.IJsonModel<Ratio>", code);
        var read = GeneratedCompilation.Run(result, """
            /// <summary>Reads a channel.</summary>
            public static class Probe
            {
                /// <summary>The enum values read and how many problems validation found.</summary>
                public static string Run()
                {
                    var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes("{\"type\":2,\"visibility\":\"private\",\"parent_type\":null}"));
                    reader.Read();
                    var channel = Test.Api.Models.Channel.ReadJson(ref reader);
                    return channel.Type + "|" + channel.Visibility + "|" + (channel.ParentType is null) + "|" + channel.Validate().Errors.Count;
                }
            }
            """);
        Assert.Equal("GuildVoice|private|True|0", read);
    }

    [Theory]
    [InlineData("anyOf: [ { const: 1 }, { const: 2 } ]", "public enum S : long")]
    [InlineData("oneOf: [ { const: \"1\" }, { const: x } ]", "public readonly partial record struct S : global::CrmSdkGen.Runtime.Json.IStringEnum<S>")]
    [InlineData("oneOf: [ { type: integer, const: 1 }, { type: string, const: \"2\" } ]", "public partial class S : global::CrmSdkGen.Runtime.Json.IJsonModel<S>")]
    [InlineData("oneOf: [ { type: boolean, const: true }, { type: boolean, const: false } ]", "public partial class S : global::CrmSdkGen.Runtime.Json.IJsonModel<S>")]
    [InlineData("{ enum: [a, b], oneOf: [ { const: a }, { const: c } ] }", "public partial class S : global::CrmSdkGen.Runtime.Json.IJsonModel<S>")]
    [InlineData("{ properties: { x: { type: string } }, oneOf: [ { const: a }, { const: b } ] }", "public partial class S : global::CrmSdkGen.Runtime.Json.ApiModel")]
    [InlineData("oneOf: [ { const: a }, { const: b, anyOf: [ { type: string } ] } ]", "public partial class S : global::CrmSdkGen.Runtime.Json.IJsonModel<S>")]
    [InlineData("oneOf: [ { const: 1 }, { const: 2 } ]", "public global::Test.Api.Models.S Kind { get")]
    [InlineData("oneOf: [ { const: 1 }, { const: 2 }, { type: 'null' } ]", "public global::Test.Api.Models.S? Kind { get")]
    [InlineData("{ type: string, oneOf: [ { const: \"1\" }, { const: \"2\" } ] }", "public readonly partial record struct S : global::CrmSdkGen.Runtime.Json.IStringEnum<S>")]
    [InlineData("oneOf: [ { const: a, oneOf: [], anyOf: [], allOf: [] }, { const: b } ]", "public readonly partial record struct S : global::CrmSdkGen.Runtime.Json.IStringEnum<S>")]
    [InlineData("oneOf: [ { const: a }, { type: 'null' } ]", "public string? Kind { get")]
    public void Only_unions_of_plain_constants_of_one_kind_are_enums(string schema, string expected)
    {
        var spec = $$"""
            openapi: 3.1.0
            info: { title: Consts, version: "1" }
            paths: {}
            components:
              schemas:
                S: {{(schema.StartsWith('{') ? schema : "{ " + schema + " }")}}
                Holder:
                  type: object
                  required: [kind]
                  properties:
                    kind: { $ref: '#/components/schemas/S' }
            """;

        var result = GeneratedCompilation.GenerateText(spec);

        Assert.Contains(expected, GeneratedCompilation.Text(result));
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }
}
