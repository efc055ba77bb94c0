using System.Text.RegularExpressions;
using CrmSdkGen.Model.Mapping;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>
/// Inline schemas are named by x-crmsdkgen-name, else their title, else the resource they are the record of, else their
/// first use; identical copies share the best of those names whichever operation comes first.
/// </summary>
public sealed class NamingRuleTests
{
    private const string Pipedrive = "shaped/pipedrive-shaped-v1.yaml";

    [Fact]
    public void A_titled_record_shared_by_many_operations_takes_its_title_and_so_do_its_members()
    {
        var text = GeneratedCompilation.Text(GeneratedCompilation.Generate(Pipedrive));

        Assert.Equal("PersonItem", PropertyType(text, "GetPersonResponse200", "Data"));
        Assert.Equal("IList<global::Test.Api.Models.PersonItem>", PropertyType(text, "GetPersonsResponse200", "Data"));
        Assert.Equal("IList<global::Test.Api.Models.PersonItem>", PropertyType(text, "GetDealParticipantsResponse200", "Data"));
        Assert.Equal("IList<global::Test.Api.Models.PersonItemPhoneItem>", PropertyType(text, "PersonItem", "Phone"));
        Assert.Equal("PersonItemOwnerId", PropertyType(text, "PersonItem", "OwnerId"));
        Assert.Contains("Task<global::Test.Api.Models.PersonResponse200> UpdatePersonAsync(", text, StringComparison.Ordinal);
        Assert.Contains("Task<global::Test.Api.Models.PersonResponse200> AddPersonAsync(", text, StringComparison.Ordinal);
        Assert.DoesNotContain("GetDealParticipantsResponse200DataItem", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_untitled_record_of_a_resource_is_named_after_the_resource_and_its_envelopes_after_it()
    {
        var text = GeneratedCompilation.Text(GeneratedCompilation.Generate(Pipedrive));

        Assert.Equal("IList<global::Test.Api.Models.Organization>", PropertyType(text, "OrganizationListResponse", "Data"));
        Assert.Equal("Organization", PropertyType(text, "OrganizationResponse", "Data"));
    }

    [Fact]
    public void Names_do_not_change_when_the_operation_that_first_used_a_shape_moves_to_the_end_or_an_unrelated_one_comes_first()
    {
        var spec = File.ReadAllText(GeneratedCompilation.SpecPath(Pipedrive));
        var baseline = ModelNames(spec);
        var participants = spec.IndexOf("  /deals/{id}/participants:", StringComparison.Ordinal);
        var persons = spec.IndexOf("  /persons:", StringComparison.Ordinal);
        var components = spec.IndexOf("components:", StringComparison.Ordinal);
        var firstUserLast = spec[..participants] + spec[persons..components] + spec[participants..persons] + spec[components..];
        var withUnrelatedFirst = spec.Insert(participants, """
              /activities:
                get:
                  operationId: getActivities
                  responses:
                    "200":
                      description: Activities.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              data: { type: array, items: { type: object, properties: { id: { type: integer }, subject: { type: string } } } }

            """.Replace("\r\n", "\n", StringComparison.Ordinal));

        Assert.NotEqual(spec, firstUserLast);
        Assert.Equal(baseline, ModelNames(firstUserLast));
        Assert.Empty(baseline.Except(ModelNames(withUnrelatedFirst)));
    }

    [Fact]
    public void X_crmsdkgen_name_wins_over_the_title_and_the_component_key()
    {
        var text = GeneratedCompilation.Text(GeneratedCompilation.GenerateText("""
            openapi: 3.0.3
            info: { title: Names, version: "1" }
            paths:
              /things:
                get:
                  responses:
                    "200":
                      description: Things.
                      content:
                        application/json:
                          schema:
                            type: object
                            properties:
                              thing: { title: thingItem, x-crmsdkgen-name: Widget, type: object, properties: { id: { type: string } } }
                              other: { $ref: '#/components/schemas/Gadget_v2' }
            components:
              schemas:
                Gadget_v2: { x-crmsdkgen-name: Gadget, type: object, properties: { id: { type: string } } }
            """));

        Assert.Contains("public partial class Widget ", text, StringComparison.Ordinal);
        Assert.Contains("public partial class Gadget ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("ThingItem", text, StringComparison.Ordinal);
        Assert.DoesNotContain("GadgetV2", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Different_shapes_with_one_title_keep_their_first_use_names_instead_of_numbers_and_labels_that_repeat_the_property_are_not_names()
    {
        var text = GeneratedCompilation.Text(GeneratedCompilation.GenerateText("""
            openapi: 3.0.3
            info: { title: Names, version: "1" }
            paths:
              /a:
                get:
                  operationId: getA
                  responses:
                    "200": { description: A., content: { application/json: { schema: { type: object, properties: { record: { title: Deal, type: object, properties: { id: { type: string } } } } } } } }
              /b:
                get:
                  operationId: getB
                  responses:
                    "200": { description: B., content: { application/json: { schema: { type: object, properties: { record: { title: Deal, type: object, properties: { amount: { type: number } } }, paging: { title: Paging, type: object, properties: { next: { type: string } } } } } } } }
            """));

        Assert.Contains("public partial class Deal ", text, StringComparison.Ordinal);
        Assert.Contains("public partial class GetBResponseRecord ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Deal2", text, StringComparison.Ordinal);
        Assert.Contains("public partial class GetBResponsePaging ", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Singular_names_of_resources_follow_english_plurals()
    {
        Assert.Equal("person", CrmSdkGen.Model.Mapping.ResourceNaming.Singular("persons"));
        Assert.Equal("Person", CrmSdkGen.Model.Mapping.ResourceNaming.Singular("People"));
        Assert.Equal("activity", CrmSdkGen.Model.Mapping.ResourceNaming.Singular("activities"));
        Assert.Equal("address", CrmSdkGen.Model.Mapping.ResourceNaming.Singular("addresses"));
        Assert.Equal("status", CrmSdkGen.Model.Mapping.ResourceNaming.Singular("statuses"));
        Assert.Equal("box", CrmSdkGen.Model.Mapping.ResourceNaming.Singular("boxes"));
        Assert.Equal("leadLabel", CrmSdkGen.Model.Mapping.ResourceNaming.Singular("leadLabels"));
        Assert.Equal("Lead", CrmSdkGen.Model.Mapping.ResourceNaming.Singular("Leads"));
        Assert.Equal("campus", CrmSdkGen.Model.Mapping.ResourceNaming.Singular("campus"));
    }

    private static List<string> ModelNames(string spec) =>
        GeneratedCompilation.GenerateText(spec).Files.Select(file => file.HintName).Where(name => name.StartsWith("Test.Api.Models.", StringComparison.Ordinal))
            .Select(name => name["Test.Api.Models.".Length..^".g.cs".Length]).Order(StringComparer.Ordinal).ToList();

    // The type of a property of a generated model: a model without its namespace, a list as written.
    private static string PropertyType(string text, string model, string property)
    {
        var body = text[text.IndexOf($"public partial class {model} ", StringComparison.Ordinal)..];
        var match = Regex.Match(body, $@"public (?:global::System\.Collections\.Generic\.)?(?<type>\S+?)\?? {property} \{{");
        Assert.True(match.Success, $"{model}.{property} not found");
        var type = match.Groups["type"].Value;
        return type.StartsWith("IList<", StringComparison.Ordinal) ? type : type.Replace("global::Test.Api.Models.", string.Empty, StringComparison.Ordinal);
    }
}
