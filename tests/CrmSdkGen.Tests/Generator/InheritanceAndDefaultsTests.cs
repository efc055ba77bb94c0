using System.Reflection;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Tests.Conformance;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>allOf with one referenced base becomes a derived class; schema defaults are what unset properties read as.</summary>
public sealed class InheritanceAndDefaultsTests
{
    private const string Spec = """
        openapi: 3.0.3
        info: { title: Inheritance, version: "1" }
        paths: {}
        components:
          schemas:
            Record:
              type: object
              required: [id]
              properties:
                id: { type: string }
                createdAt: { type: string, format: date-time }
            Contact:
              allOf:
                - $ref: '#/components/schemas/Record'
                - type: object
                  properties:
                    email: { type: string }
                    pageSize: { type: integer, format: int32, default: 20 }
                    status: { type: string, enum: [active, archived], default: active }
                    score: { type: number, default: 1.5 }
                    subscribed: { type: boolean, default: true }
                    label: { type: string, default: "a \"quoted\" label" }
                    since: { type: string, format: date, default: "2020-01-01" }
            VipContact:
              description: A contact with a tier.
              allOf:
                - $ref: '#/components/schemas/Contact'
                - properties:
                    tier: { type: string }
            Narrowed:
              allOf:
                - $ref: '#/components/schemas/Record'
                - required: [createdAt]
            Redeclared:
              allOf:
                - $ref: '#/components/schemas/Record'
                - properties:
                    id: { type: integer }
            TwoBases:
              allOf:
                - $ref: '#/components/schemas/Record'
                - $ref: '#/components/schemas/Contact'
        """;

    private static readonly Lazy<(string Code, Assembly Assembly)> Generated = new(() =>
    {
        var result = GeneratedCompilation.GenerateText(Spec);
        Assert.Empty(result.Diagnostics);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
        return (GeneratedCompilation.Text(result), GeneratedAssembly.Load(result, "Inheritance"));
    });

    [Theory]
    [InlineData("public partial class Contact : global::Test.Api.Models.Record, global::CrmSdkGen.Runtime.Json.IJsonModel<Contact>")]
    [InlineData("public partial class VipContact : global::Test.Api.Models.Contact, global::CrmSdkGen.Runtime.Json.IJsonModel<VipContact>")]
    [InlineData("public static new VipContact ReadJson(")]
    [InlineData("public partial class Narrowed : global::CrmSdkGen.Runtime.Json.ApiModel,")]
    [InlineData("public partial class Redeclared : global::CrmSdkGen.Runtime.Json.ApiModel,")]
    [InlineData("public partial class TwoBases : global::CrmSdkGen.Runtime.Json.ApiModel,")]
    public void One_referenced_base_that_is_only_added_to_becomes_the_base_class(string expected) =>
        Assert.Contains(expected, Generated.Value.Code);

    [Fact]
    public void A_derived_model_reads_and_writes_inherited_own_and_unknown_properties()
    {
        const string json = """{"id":"c1","createdAt":"2024-01-02T03:04:05+00:00","email":"a@example.com","tier":"gold","extra":[1,2]}""";
        var vip = Parse("VipContact", json);

        Assert.Equal("c1", Get(vip, "Id"));
        Assert.Equal("a@example.com", Get(vip, "Email"));
        Assert.Equal("gold", Get(vip, "Tier"));
        Assert.True(((ApiModel)vip).IsSet("id"));
        Assert.True(((ApiModel)vip).IsSet("tier"));
        Assert.False(((ApiModel)vip).IsSet("email2"));
        Assert.Equal("[1,2]", ((ApiModel)vip).AdditionalProperties["extra"].GetRawText());
        Assert.Equal(json, ToJson(vip));
    }

    [Fact]
    public void A_derived_model_still_requires_what_its_base_requires()
    {
        var error = Assert.Throws<TargetInvocationException>(() => Parse("VipContact", """{"tier":"gold"}"""));

        Assert.IsType<JsonException>(error.InnerException);
        Assert.Contains("'id'", error.InnerException!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unset_properties_read_as_the_schema_default_which_is_not_sent()
    {
        var contact = Create("Contact");

        Assert.Equal(20, Get(contact, "PageSize"));
        Assert.Equal("active", Get(contact, "Status")!.ToString());
        Assert.Equal(1.5, Get(contact, "Score"));
        Assert.Equal(true, Get(contact, "Subscribed"));
        Assert.Equal("a \"quoted\" label", Get(contact, "Label"));
        Assert.Null(Get(contact, "Since"));
        Assert.Equal("{}", ToJson(contact));
    }

    [Fact]
    public void An_assigned_or_read_value_replaces_the_default_even_when_it_is_null()
    {
        var contact = Create("Contact");
        contact.GetType().GetProperty("PageSize")!.SetValue(contact, null);

        Assert.Null(Get(contact, "PageSize"));
        Assert.Equal("""{"pageSize":null}""", ToJson(contact));
        Assert.Equal(50, Get(Parse("Contact", """{"id":"x","pageSize":50}"""), "PageSize"));
    }

    private static Type ModelType(string name) => Generated.Value.Assembly.GetType("Test.Api.Models." + name, throwOnError: true)!;

    private static object Create(string name) => Activator.CreateInstance(ModelType(name))!;

    private static object? Get(object model, string property) => model.GetType().GetProperty(property)!.GetValue(model);

    private static object Parse(string name, string json) =>
        typeof(JsonModel).GetMethod(nameof(JsonModel.Parse), [typeof(string)])!.MakeGenericMethod(ModelType(name)).Invoke(null, [json])!;

    private static string ToJson(object model) =>
        (string)typeof(JsonModel).GetMethod(nameof(JsonModel.ToJson))!.MakeGenericMethod(model.GetType()).Invoke(null, [model])!;
}
