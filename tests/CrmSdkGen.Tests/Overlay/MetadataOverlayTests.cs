using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Overlay;

/// <summary>
/// <c>crmsdkgen overlay</c> turns a CRM's field metadata into an overlay; applied to the vendor's spec, the fields become
/// typed members that read the CRM's wire format, validate and write it back, beside the map of the fields it does not name.
/// </summary>
public sealed class MetadataOverlayTests : IDisposable
{
    private readonly MetadataOverlayWorkspace _workspace = new();

    [Fact]
    public void HubSpot_properties_become_typed_members_that_read_text_values_validate_and_write_text_back()
    {
        var overlay = Overlay(CrmMetadataAnswers.HubSpotContactProperties, "--crm", "hubspot");
        var (model, generated) = Generate(GeneratedCompilation.SpecPath("acme/acme-crm-objects-v3.yaml"), overlay);

        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Severity != Severity.Info);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(generated)));
        var read = GeneratedCompilation.Run(generated, """
            /// <summary>Reads a HubSpot contact with the portal's properties.</summary>
            public static class Probe
            {
                /// <summary>The typed values, what validation found, and the properties written back.</summary>
                public static string Run()
                {
                    var json = "{\"id\":\"51\",\"properties\":{\"email\":\"ada@example.com\",\"num_employees\":\"25\",\"contract_value\":\"1250.50\",\"is_vip\":\"true\",\"renewal_date\":\"2027-01-31\",\"hs_createdate\":\"2026-11-30T09:15:00.000Z\",\"lifecyclestage\":\"customer\",\"favourite_colour\":\"teal\",\"interests\":\"golf;chess;darts\",\"hs_object_id\":\"51\"},\"createdAt\":\"2026-11-30T09:15:00Z\",\"updatedAt\":\"2026-11-30T09:15:00Z\",\"archived\":false}";
                    var reader = new System.Text.Json.Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(json));
                    reader.Read();
                    var contact = Acme.Objects.Models.SimplePublicObject.ReadJson(ref reader);
                    var p = contact.Properties;
                    var typed = string.Join("|", p.NumEmployees, p.ContractValue?.ToString(System.Globalization.CultureInfo.InvariantCulture), p.IsVip, p.RenewalDate?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), p.HsCreatedate?.Minute, p.Lifecyclestage, p.FavouriteColour, string.Join(",", p.Interests!), p.AdditionalProperties["hs_object_id"]);
                    var problems = string.Join(",", System.Linq.Enumerable.Select(contact.Validate().Errors, problem => problem.Path));
                    var buffer = new System.Buffers.ArrayBufferWriter<byte>();
                    using (var writer = new System.Text.Json.Utf8JsonWriter(buffer))
                    {
                        p.WriteJson(writer);
                    }

                    return typed + "#" + problems + "#" + System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
                }
            }
            """);
        var parts = read.Split('#');
        Assert.Equal("25|1250.50|True|2027-01-31|15|customer|teal|golf,chess,darts|51", parts[0]);
        Assert.Equal("/properties/favourite_colour,/properties/interests/2", parts[1]);
        Assert.Contains("\"num_employees\":\"25\"", parts[2], StringComparison.Ordinal);
        Assert.Contains("\"is_vip\":\"true\"", parts[2], StringComparison.Ordinal);
        Assert.Contains("\"interests\":\"golf;chess;darts\"", parts[2], StringComparison.Ordinal);
        Assert.Contains("\"hs_object_id\":\"51\"", parts[2], StringComparison.Ordinal);
    }

    [Fact]
    public void HubSpot_types_are_mapped_by_property_type_with_read_only_and_hidden_options_respected()
    {
        var overlay = Overlay(CrmMetadataAnswers.HubSpotContactProperties, "--crm", "hubspot");
        var (model, _) = Generate(GeneratedCompilation.SpecPath("acme/acme-crm-objects-v3.yaml"), overlay);

        var properties = model.Api!.Schemas.First(schema => schema.Properties.Any(property => property.JsonName == "num_employees"));
        ApiProperty Named(string name) => properties.Properties.Single(property => property.JsonName == name);
        Assert.Equal((ApiTypeKind.Number, "decimal", true), (Named("num_employees").Type.Kind, Named("num_employees").Type.Format, Named("num_employees").Type.TextEncoded));
        Assert.Equal((ApiTypeKind.Boolean, true), (Named("is_vip").Type.Kind, Named("is_vip").Type.TextEncoded));
        Assert.Equal("date", Named("renewal_date").Type.Format);
        Assert.Equal("date-time", Named("hs_createdate").Type.Format);
        Assert.True(Named("hs_createdate").ReadOnly);
        Assert.False(Named("email").ReadOnly);
        Assert.Equal((ApiTypeKind.Array, ";"), (Named("interests").Type.Kind, Named("interests").Type.Separator));
        Assert.Equal(["golf", "chess"], model.Api.Schemas.Single(schema => schema.Id == Named("interests").Type.Element!.SchemaId).EnumValues);
        Assert.Equal("Contract value: Yearly, in the portal's currency.", Named("contract_value").Description);
        var stage = model.Api.Schemas.Single(schema => schema.Id == Named("lifecyclestage").Type.SchemaId);
        Assert.Equal(["lead", "customer"], stage.EnumValues);

        var customOnly = Overlay(CrmMetadataAnswers.HubSpotContactProperties, "--crm", "hubspot", "--custom-only");
        Assert.DoesNotContain("\"lifecyclestage\"", File.ReadAllText(customOnly), StringComparison.Ordinal);
        Assert.Contains("\"favourite_colour\"", File.ReadAllText(customOnly), StringComparison.Ordinal);
    }

    [Fact]
    public void Salesforce_custom_fields_join_the_standard_object_and_a_custom_object_gets_a_schema_of_its_own()
    {
        var spec = Write("salesforce.yaml", SalesforceSpec);
        var account = Overlay(CrmMetadataAnswers.SalesforceAccountDescribe, "--crm", "salesforce");
        var invoice = Overlay(CrmMetadataAnswers.SalesforceInvoiceDescribe, "--crm", "salesforce");

        var (model, generated) = Generate(spec, account, invoice);

        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Severity != Severity.Info);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(generated)));
        var accountSchema = model.Api!.Schemas.Single(schema => schema.Id == "#/components/schemas/Account");
        Assert.Equal(["Id", "Name", "Region__c", "Seats__c", "Is_Key__c", "Renewal__c", "Account_Code__c", "Score__c"], accountSchema.Properties.Select(property => property.JsonName));
        ApiProperty Field(string name) => accountSchema.Properties.Single(property => property.JsonName == name);
        Assert.Equal(ApiTypeKind.Named, Field("Region__c").Type.Kind);
        Assert.Equal(["EMEA", "APAC"], model.Api.Schemas.Single(schema => schema.Id == Field("Region__c").Type.SchemaId).EnumValues);
        Assert.Equal((ApiTypeKind.Number, false), (Field("Seats__c").Type.Kind, Field("Seats__c").Type.TextEncoded));
        Assert.Equal(ApiTypeKind.Boolean, Field("Is_Key__c").Type.Kind);
        Assert.Equal(8, Field("Account_Code__c").Type.Constraints?.MaxLength);
        Assert.True(Field("Score__c").ReadOnly);
        var invoiceSchema = model.Api.Schemas.Single(schema => schema.Id == "#/components/schemas/Invoice__c");
        Assert.Equal(["Id", "Amount__c", "Issued__c"], invoiceSchema.Properties.Select(property => property.JsonName));
        Assert.Equal("decimal", invoiceSchema.Properties[1].Type.Format);
    }

    [Fact]
    public void HubSpot_properties_maps_are_found_in_swagger_2_definitions_and_inline_request_bodies()
    {
        const string Spec = """
            swagger: '2.0'
            info: { title: HubSpot contacts, version: v3 }
            paths:
              /crm/v3/objects/contacts:
                post:
                  operationId: createContact
                  parameters:
                    - name: body
                      in: body
                      schema: { type: object, properties: { properties: { type: object, additionalProperties: { type: string } } } }
                  responses:
                    '201': { description: The contact., schema: { $ref: '#/definitions/SimplePublicObject' } }
            definitions:
              SimplePublicObject:
                type: object
                properties:
                  id: { type: string }
                  properties: { type: object, additionalProperties: { type: string } }
            """;
        var overlay = Overlay(CrmMetadataAnswers.HubSpotContactProperties, "--crm", "hubspot");
        var (model, generated) = Generate(Write("hubspot-swagger2.yaml", Spec), overlay);

        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Severity != Severity.Info);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(generated)));
        // The body's map and the definition's are alike once typed, so they share one class.
        var typed = Assert.Single(model.Api!.Schemas, schema => schema.Properties.Any(property => property.JsonName == "is_vip"));
        Assert.Contains(typed.Properties, property => property.JsonName == "contract_value" && property.Type.TextEncoded);
        var holders = model.Api.Schemas.Where(schema => schema.Properties.Any(property => property.JsonName == "properties" && property.Type.SchemaId == typed.Id));
        Assert.Equal(["createContact_Request", "SimplePublicObject"], holders.Select(schema => schema.PreferredName).Order());
    }

    [Fact]
    public void Pipedrive_hash_keyed_fields_are_named_after_their_names_in_every_person_schema_and_keep_their_hash_on_the_wire()
    {
        var overlay = Overlay(CrmMetadataAnswers.PipedrivePersonFields, "--crm", "pipedrive", "--object", "person");
        var (model, generated) = Generate(GeneratedCompilation.SpecPath("shaped/pipedrive-shaped-v1.yaml"), overlay);

        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Severity != Severity.Info);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(generated)));
        var persons = model.Api!.Schemas.Where(schema => schema.Properties.Any(property => property.JsonName == "org_id") && schema.Properties.Any(property => property.JsonName == "phone")).ToList();
        Assert.NotEmpty(persons);
        Assert.All(persons, person =>
        {
            var colour = person.Properties.Single(property => property.JsonName == CrmMetadataAnswers.ColourKey);
            Assert.Equal(("Favourite colour", ApiTypeKind.Integer, true), (colour.MemberName, colour.Type.Kind, colour.Type.TextEncoded));
            Assert.Contains("27 (Red)", colour.Description, StringComparison.Ordinal);
            Assert.Equal("Budget", person.Properties.Single(property => property.JsonName == CrmMetadataAnswers.BudgetKey).MemberName);
            var interests = person.Properties.Single(property => property.JsonName == CrmMetadataAnswers.InterestsKey).Type;
            Assert.Equal((ApiTypeKind.Array, ",", ApiTypeKind.Integer, true), (interests.Kind, interests.Separator, interests.Element!.Kind, interests.Element.TextEncoded));
            Assert.DoesNotContain(person.Properties, property => property.JsonName == "email" && property.Type.Kind == ApiTypeKind.String);
        });
        Assert.Contains("FavouriteColour", GeneratedCompilation.Text(generated), StringComparison.Ordinal);
        Assert.Contains($"\"{CrmMetadataAnswers.ColourKey}\"u8", GeneratedCompilation.Text(generated), StringComparison.Ordinal);
    }

    [Fact]
    public void Hostile_labels_and_descriptions_stay_inert_text_in_the_generated_code()
    {
        var overlay = Overlay(CrmMetadataAnswers.HubSpotContactProperties, "--crm", "hubspot");
        var (_, generated) = Generate(GeneratedCompilation.SpecPath("acme/acme-crm-objects-v3.yaml"), overlay);

        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(generated)));
        Assert.DoesNotContain(generated.Files.SelectMany(file => file.Content.Split('\n')), line => line.TrimStart().StartsWith("#error", StringComparison.Ordinal));
    }

    [Fact]
    public void An_answer_of_the_wrong_shape_or_an_unknown_crm_exits_with_2_and_says_why()
    {
        var answer = Write("answer.json", CrmMetadataAnswers.PipedrivePersonFields);

        Assert.Contains("--object", Run("overlay", answer, "--crm", "pipedrive").Error, StringComparison.Ordinal);
        Assert.Contains("Unknown CRM 'zoho'", Run("overlay", answer, "--crm", "zoho").Error, StringComparison.Ordinal);
        Assert.Contains("no 'results' array", Run("overlay", answer, "--crm", "hubspot").Error, StringComparison.Ordinal);
        Assert.Contains("not JSON", Run("overlay", Write("broken.json", "{ \"results\": ["), "--crm", "hubspot").Error, StringComparison.Ordinal);
        Assert.Equal(2, Run("overlay", answer).Code);
        Assert.Equal(2, Run("overlay", answer, "--crm", "pipedrive", "--object", "lead").Code);
    }

    [Fact]
    public void Without_out_the_overlay_is_printed_and_generate_applies_overlays_given_to_it()
    {
        var answer = Write("answer.json", CrmMetadataAnswers.HubSpotContactProperties);
        var (code, printed, _) = Run("overlay", answer, "--crm", "hubspot");
        var overlay = Write("printed.json", printed);
        var folder = Path.Combine(_workspace.Directory, "out");

        var generate = Run("generate", GeneratedCompilation.SpecPath("acme/acme-crm-objects-v3.yaml"), "--out", folder, "--namespace", "Acme.Objects", "--overlay", overlay);

        Assert.Equal((0, 0), (code, generate.Code));
        Assert.Contains(Directory.GetFiles(folder), file => File.ReadAllText(file).Contains("NumEmployees", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ type: integer }", "{ type: integer, x-crmsdkgen-encoding: string }", "from integer to integer sent as text")]
    [InlineData("{ type: array, items: { type: string } }", "{ type: array, items: { type: string }, x-crmsdkgen-encoding: string, x-crmsdkgen-separator: ';' }", "to array of string sent as text joined by ';'")]
    public void A_value_that_starts_to_travel_as_text_is_a_breaking_change_in_the_regeneration_report(string before, string after, string expected)
    {
        const string Spec = """
            openapi: 3.0.3
            info: { title: T, version: '1' }
            paths:
              /contacts:
                get:
                  responses:
                    "200": { description: Contacts., content: { application/json: { schema: { type: object, properties: { seats: SEATS } } } } }
            """;
        var old = Spec.Replace("SEATS", before, StringComparison.Ordinal);
        var source = new SpecSource("/project/specs/contacts.yaml", Spec.Replace("SEATS", after, StringComparison.Ordinal), "Test.Api", "TestClient", "Test")
        {
            BaselinePath = "/project/specs/contacts-v1.yaml",
            Baseline = new SpecFile("/project/specs/contacts-v1.yaml", old),
        };

        var report = SdkGenerator.BuildModel(source, CancellationToken.None).Diagnostics.Where(diagnostic => diagnostic.Id.StartsWith("CSG01", StringComparison.Ordinal)).ToList();

        var changed = Assert.Single(report);
        Assert.Equal(DiagnosticIds.ChangedType, changed.Id);
        Assert.Contains(expected, changed.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _workspace.Dispose();

    private const string SalesforceSpec = """
        openapi: 3.0.3
        info: { title: Salesforce sObjects, version: '62.0' }
        paths:
          /sobjects/Account/{id}:
            get:
              operationId: getAccount
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                '200': { description: The account., content: { application/json: { schema: { $ref: '#/components/schemas/Account' } } } }
        components:
          schemas:
            Account:
              type: object
              properties:
                Id: { type: string }
                Name: { type: string }
        """;

    private string Overlay(string answer, params string[] options) => _workspace.Overlay(answer, options);

    private static (ModelResult Model, GenerationResult Generated) Generate(string specPath, params string[] overlays) => MetadataOverlayWorkspace.Generate(specPath, overlays);

    private string Write(string name, string text) => _workspace.Write(name, text);

    private static (int Code, string Output, string Error) Run(params string[] args) => MetadataOverlayWorkspace.Run(args);
}
