using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>What each spec construct becomes in C#, read from the generated text.</summary>
public sealed class ConstructTests
{
    private static readonly Lazy<string> Models = new(() => Generate(TestSpecs.Models));
    private static readonly Lazy<string> Operations = new(() => Generate(TestSpecs.Operations));

    [Theory]
    [InlineData("public global::System.Guid Id { get")]
    [InlineData("public string Name { get => _name ?? throw")]
    [InlineData("public string? Nickname { get")]
    [InlineData("public string? LegalName { get")]
    [InlineData("public int Size { get")]
    [InlineData("public decimal? Revenue { get")]
    [InlineData("public float? Rating { get")]
    [InlineData("public double? Score { get")]
    [InlineData("public long? Employees { get")]
    [InlineData("public global::System.DateOnly Founded { get")]
    [InlineData("public global::System.DateTimeOffset? UpdatedAt { get")]
    [InlineData("public byte[]? Logo { get")]
    [InlineData("public bool? Active { get")]
    [InlineData("public global::Test.Api.Models.Stage? Stage { get")]
    [InlineData("public global::System.Collections.Generic.IList<string>? Tags { get")]
    [InlineData("public global::System.Collections.Generic.IList<long?>? Scores { get")]
    [InlineData("public global::System.Collections.Generic.IDictionary<string, string>? Labels { get")]
    [InlineData("public global::System.Collections.Generic.IDictionary<string, global::System.Text.Json.JsonElement>? Metadata { get")]
    [InlineData("public global::System.Text.Json.JsonElement Anything { get")]
    [InlineData("public global::Test.Api.Models.CompanyAddress? Address { get")]
    [InlineData("[global::System.Obsolete(\"Deprecated by the API.\")]\n    public string? DeprecatedField")]
    [InlineData("public partial class Company : global::CrmSdkGen.Runtime.Json.ApiModel, global::CrmSdkGen.Runtime.Json.IJsonModel<Company>")]
    [InlineData("/// <summary>A company record.</summary>\npublic partial class Company")]
    public void Model_members_have_the_exact_types_and_nullability(string expected) => Assert.Contains(expected, Models.Value);

    [Theory]
    [InlineData("public readonly partial record struct Stage : global::CrmSdkGen.Runtime.Json.IStringEnum<Stage>")]
    [InlineData("public static Stage Lead { get; } = new(\"lead\");")]
    [InlineData("public static Stage InProgress { get; } = new(\"in-progress\");")]
    [InlineData("public static Stage _1st { get; } = new(\"1st\");")]
    [InlineData("s_known = new(new string[] { \"lead\", \"customer\", \"in-progress\", \"1st\" });")]
    [InlineData("public bool IsKnown => s_known.Contains(Value);")]
    public void String_enums_are_open_value_types(string expected) => Assert.Contains(expected, Models.Value);

    [Theory]
    [InlineData("public BasicClient Basic { get; }")]
    [InlineData("public const string? DefaultServerUrl = \"https://eu.crm.example/v3\";")]
    [InlineData("public global::System.Threading.Tasks.Task<global::Test.Api.Models.Contact> GetByIdAsync(string contactId, global::System.Collections.Generic.IList<string>? properties = default, bool? archived = default, global::System.Guid? xTrace = default, string? session = default, global::System.Threading.CancellationToken cancellationToken = default)")]
    [InlineData("request.AddQueryParameter(\"properties\", global::System.Linq.Enumerable.Select(properties, static item => global::CrmSdkGen.Runtime.Http.ParameterFormatter.Format(item)), explode: false);")]
    [InlineData("request.AddHeader(\"X-Trace\",")]
    [InlineData("request.AddCookie(\"session\",")]
    [InlineData("[global::System.Obsolete(\"Deprecated by the API.\")]\n    public global::System.Threading.Tasks.Task<global::Test.Api.Models.Contact?> UpdateAsync(string contactId, global::Test.Api.Models.Contact body,")]
    [InlineData("request.SetJsonBody(body, global::CrmSdkGen.Runtime.Json.ModelCodec<global::Test.Api.Models.Contact>.Instance, \"application/merge-patch+json\");")]
    [InlineData("public global::System.Threading.Tasks.Task DeleteCrmV3ObjectsContactsByContactIdAsync(string contactId,")]
    [InlineData("new global::CrmSdkGen.Runtime.Http.ApiRequest(global::System.Net.Http.HttpMethod.Delete, \"/crm/v3/objects/contacts/{contactId}\", null)")]
    [InlineData("public global::System.Threading.Tasks.Task<global::System.IO.Stream> GetFilesContentByFileIdAsync(long fileId,")]
    [InlineData("public global::System.Threading.Tasks.Task<string> PutFilesContentByFileIdAsync(long fileId, global::System.IO.Stream? body = default,")]
    [InlineData(".On(\"404\", global::CrmSdkGen.Runtime.Json.ModelCodec<global::Test.Api.Models.Error>.Instance).On(\"default\",")]
    [InlineData("/// <summary>Read a contact</summary>\n    /// <remarks>Reads one contact by id.</remarks>")]
    [InlineData("public global::CrmSdkGen.Runtime.Auth.ApiKeyCredential? Key")]
    [InlineData("public global::CrmSdkGen.Runtime.Auth.BearerTokenCredential? Token")]
    [InlineData("public global::CrmSdkGen.Runtime.Auth.BasicCredential? Login")]
    [InlineData("new(\"query_key\", global::CrmSdkGen.Runtime.Auth.SecuritySchemeKind.ApiKeyQuery, \"hapikey\")")]
    public void Operations_become_typed_methods_on_tag_clients(string expected) => Assert.Contains(expected, Operations.Value);

    [Fact]
    public void Swagger_2_json_gets_its_host_base_path_and_x_nullable()
    {
        var code = Generate(TestSpecs.Swagger2);

        Assert.Contains("DefaultServerUrl = \"https://legacy.crm.example/api\"", code);
        Assert.Contains("public double Amount { get", code);
        Assert.Contains("public global::System.DateOnly? CloseDate { get", code);
        Assert.Contains("Task<global::System.Collections.Generic.IList<global::Test.Api.Models.Deal>> ListDealsAsync(int? limit = default,", code);
    }

    [Fact]
    public void Form_bodies_are_typed_models_encoded_with_their_deepObject_properties()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Forms, version: "1" }
            paths:
              /v1/customers:
                post:
                  operationId: PostCustomers
                  requestBody:
                    content:
                      application/x-www-form-urlencoded:
                        schema:
                          type: object
                          properties:
                            email: { type: string }
                            expand: { type: array, items: { type: string } }
                            metadata: { type: object, additionalProperties: { type: string } }
                        encoding:
                          expand: { explode: true, style: deepObject }
                          metadata: { explode: true, style: deepObject }
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } }
            """;

        var result = GeneratedCompilation.GenerateText(spec);
        var code = GeneratedCompilation.Text(result);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("PostCustomersAsync(global::Test.Api.Models.PostCustomersRequest? body = default,", code);
        Assert.Contains("request.SetFormBody(body, global::CrmSdkGen.Runtime.Json.ModelCodec<global::Test.Api.Models.PostCustomersRequest>.Instance, new string[] { \"expand\", \"metadata\" });", code);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void Object_query_parameters_are_typed_and_sent_as_deepObject()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Filters, version: "1" }
            paths:
              /v1/charges:
                get:
                  operationId: GetCharges
                  parameters:
                    - name: created
                      in: query
                      style: deepObject
                      explode: true
                      schema:
                        anyOf:
                          - { type: object, properties: { gte: { type: integer }, lt: { type: integer } } }
                          - { type: integer }
                  responses:
                    "200": { description: ok }
            """;

        var result = GeneratedCompilation.GenerateText(spec);
        var code = GeneratedCompilation.Text(result);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("GetChargesAsync(global::Test.Api.Models.GetChargesCreated? created = default,", code);
        Assert.Contains("if (created is not null) request.AddQueryObject(\"created\", created, global::CrmSdkGen.Runtime.Json.ModelCodec<global::Test.Api.Models.GetChargesCreated>.Instance);", code);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void Parameter_styles_of_the_readme_example_spec_are_all_applied()
    {
        var code = GeneratedCompilation.Text(GeneratedCompilation.Generate("features/readme-3.0-parameters-style.json"));

        Assert.Contains("global::CrmSdkGen.Runtime.Http.ParameterStyles.Label(", code);
        Assert.Contains("global::CrmSdkGen.Runtime.Http.ParameterStyles.Matrix(", code);
        Assert.Contains("separator: \" \")", code);
        Assert.Contains("separator: \"|\")", code);
        Assert.Contains("request.AddQueryObject(", code);
    }

    [Fact]
    public void Integer_enums_are_long_backed_enums_named_from_x_enum_varnames()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: Enums, version: "1" }
            paths: {}
            components:
              schemas:
                Priority:
                  type: integer
                  enum: [1, 2, -1]
                  x-enum-varnames: [Low, High, Unset]
                Level:
                  type: integer
                  enum: [10, 20]
                Ticket:
                  type: object
                  properties:
                    priority: { $ref: '#/components/schemas/Priority' }
            """;

        var result = GeneratedCompilation.GenerateText(spec);
        var code = GeneratedCompilation.Text(result);

        Assert.Empty(result.Diagnostics);
        Assert.Contains("public enum Priority : long", code);
        Assert.Contains("Low = 1,", code);
        Assert.Contains("Unset = -1,", code);
        Assert.Contains("Value10 = 10,", code);
        Assert.Contains("global::CrmSdkGen.Runtime.Json.Int64EnumCodec<global::Test.Api.Models.Priority>.Instance", code);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void Hostile_spec_strings_cannot_inject_code()
    {
        const string spec = """
            openapi: 3.0.3
            info: { title: "Evil\"; class X {} //", version: "1", description: "line\u2028public class Injected {}" }
            paths:
              /things:
                get:
                  operationId: "list\"); System.Environment.Exit(1); //"
                  summary: "*/ public class Injected2 {} /*\n#error injected"
                  parameters:
                    - { name: "q\"+x+\"", in: query, description: "</param><script>", schema: { type: string } }
                  responses:
                    "200": { description: ok, content: { application/json: { schema: { $ref: '#/components/schemas/Thing' } } } }
            components:
              schemas:
                Thing:
                  type: object
                  description: "\u202Eevil\u0000 </summary> <inject/>"
                  properties:
                    "na\"me": { type: string, description: "\r\n#define INJECTED" }
                    kind: { type: string, enum: ["a\"b", "\\", "\u2029#if false"] }
            """;

        var result = GeneratedCompilation.GenerateText(spec);
        var compilation = GeneratedCompilation.Compile(result);

        Assert.Empty(GeneratedCompilation.Problems(compilation));
        Assert.DoesNotContain(compilation.GetSymbolsWithName(name => name.StartsWith("Injected", StringComparison.Ordinal)), _ => true);
        var code = GeneratedCompilation.Text(result);
        Assert.DoesNotContain("\n#error", code);
        Assert.DoesNotContain("\n#define", code);
        Assert.DoesNotContain("\u2028", code, StringComparison.Ordinal);
        Assert.DoesNotContain("\u202E", code, StringComparison.Ordinal);
        Assert.DoesNotContain("\0", code, StringComparison.Ordinal);
    }

    private static string Generate(string spec) => GeneratedCompilation.Text(GeneratedCompilation.GenerateText(spec));
}
