using CrmSdkGen.Kernel;
using CrmSdkGen.Model;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Overlay;

/// <summary>
/// Pipedrive's API v2 fields answers (<c>field_code</c>, <c>is_custom_field</c>) type the records' <c>custom_fields</c>
/// object, whose values are typed JSON: numbers, option ids, arrays of option ids, monetary objects.
/// </summary>
public sealed class PipedriveV2OverlayTests : IDisposable
{
    private const string UnknownKey = "bbbbbbbbbbccccccccccddddddddddeeeeeeeeee";

    private static readonly string PersonJson =
        $"{{\"id\":7,\"name\":\"Ada\",\"org_id\":null,\"custom_fields\":{{\"{CrmMetadataAnswers.ColourKey}\":27,\"{CrmMetadataAnswers.BudgetKey}\":{{\"value\":2300.5,\"currency\":\"EUR\"}},"
        + $"\"{CrmMetadataAnswers.BirthdayKey}\":\"1990-05-01\",\"{CrmMetadataAnswers.InterestsKey}\":[31,32],\"{UnknownKey}\":{{\"from\":\"2027-01-01\",\"until\":\"2027-02-01\"}}}}}}";

    private readonly MetadataOverlayWorkspace _workspace = new();

    [Fact]
    public void Custom_fields_of_every_person_schema_become_typed_members_that_read_and_write_typed_json_and_keep_the_others()
    {
        var overlay = _workspace.Overlay(CrmMetadataAnswers.PipedrivePersonFieldsV2, "--crm", "pipedrive", "--object", "person");
        var (model, generated) = MetadataOverlayWorkspace.Generate(GeneratedCompilation.SpecPath("shaped/pipedrive-shaped-v2.yaml"), overlay);

        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Severity != Severity.Info);
        var output = GeneratedCompilation.Run(generated, $$"""
            /// <summary>Reads a person with the company's fields and writes a new one.</summary>
            public static class Probe
            {
                /// <summary>The typed values, what validation found, the person written back, and a new person's request.</summary>
                public static string Run()
                {
                    var json = {{Literal(PersonJson)}};
                    var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var person = Acme.Objects.Models.Person.ReadJson(ref reader);
                    var fields = person.CustomFields!;
                    var typed = string.Join("|", fields.FavouriteColour, fields.Budget!.Value?.ToString(System.Globalization.CultureInfo.InvariantCulture), fields.Budget.Currency,
                        fields.Birthday?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), string.Join(",", fields.Interests!), fields.AdditionalProperties["{{UnknownKey}}"].GetProperty("until").GetString());
                    var problems = string.Join(",", System.Linq.Enumerable.Select(person.Validate().Errors, problem => problem.Path));
                    var request = new Acme.Objects.Models.AddPersonRequest { Name = "Grace", CustomFields = new Acme.Objects.Models.PersonCustomFields { FavouriteColour = 28, Interests = new System.Collections.Generic.List<long> { 31 } } };
                    return typed + "#" + problems + "#" + Write(person.WriteJson) + "#" + Write(request.WriteJson);
                }

                private static string Write(System.Action<System.Text.Json.Utf8JsonWriter> write)
                {
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                    using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                    {
                        write(writer);
                    }

                    return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
                }
            }
            """);

        var parts = output.Split('#');
        Assert.Equal("27|2300.5|EUR|1990-05-01|31,32|2027-02-01", parts[0]);
        Assert.Equal(string.Empty, parts[1]);
        Assert.Contains($"\"{CrmMetadataAnswers.ColourKey}\":27,", parts[2], StringComparison.Ordinal);
        Assert.Contains($"\"{CrmMetadataAnswers.InterestsKey}\":[31,32]", parts[2], StringComparison.Ordinal);
        Assert.Contains($"\"{UnknownKey}\":{{\"from\":\"2027-01-01\"", parts[2], StringComparison.Ordinal);
        Assert.Equal($"{{\"name\":\"Grace\",\"custom_fields\":{{\"{CrmMetadataAnswers.ColourKey}\":28,\"{CrmMetadataAnswers.InterestsKey}\":[31]}}}}", parts[3]);
    }

    [Fact]
    public void Only_the_company_fields_are_added_and_only_inside_custom_fields_of_the_records_the_object_names()
    {
        var overlay = _workspace.Overlay(CrmMetadataAnswers.PipedriveDealFieldsV2, "--crm", "pipedrive", "--object", "deal", "--all-fields");
        var (model, _) = MetadataOverlayWorkspace.Generate(GeneratedCompilation.SpecPath("shaped/pipedrive-shaped-v2.yaml"), overlay);

        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Severity != Severity.Info);
        var schemas = model.Api!.Schemas;
        // Both deal schemas spell custom_fields alike, so they share one class of it.
        var fields = Assert.Single(schemas, schema => schema.Properties.Any(property => property.JsonName == CrmMetadataAnswers.StageReasonKey));
        var reason = Assert.Single(fields.Properties);
        Assert.Equal(("Stage reason", ApiTypeKind.String), (reason.MemberName, reason.Type.Kind));
        foreach (var deal in new[] { "DealItem", "DealRequestBody" })
        {
            var customFields = schemas.Single(schema => schema.Id == "#/components/schemas/" + deal).Properties.Single(property => property.JsonName == "custom_fields");
            Assert.Equal(fields.Id, customFields.Type.SchemaId);
        }

        Assert.DoesNotContain(schemas, schema => schema.Properties.Any(property => property.JsonName == "emails") && schema.Properties.Any(property => property.JsonName == CrmMetadataAnswers.StageReasonKey));
    }

    public void Dispose() => _workspace.Dispose();

    private static string Literal(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);
}
