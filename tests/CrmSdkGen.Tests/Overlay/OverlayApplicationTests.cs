using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model;

namespace CrmSdkGen.Tests.Overlay;

/// <summary>Overlays applied to a spec before it is modelled: every action kind, and what an overlay that cannot apply reports, where.</summary>
public sealed class OverlayApplicationTests
{
    [Fact]
    public void Update_merges_into_objects_and_appends_to_arrays_remove_takes_nodes_out_and_copy_merges_another_node()
    {
        var model = Build("""
            overlay: 1.1.0
            info: { title: Portal, version: 1.0.0 }
            actions:
              - target: $.components.schemas.Contact.properties.properties
                description: The portal's custom properties, typed.
                update:
                  properties:
                    hs_lead_score: { type: integer, format: int32 }
                    favourite_colour: { type: string, enum: [red, green] }
              - target: $.paths['/crm/v3/objects/contacts'].get
                update: { operationId: listContacts, summary: List contacts }
              - target: $.paths[*][?@.deprecated == true]
                remove: true
              - target: $.components.schemas
                update: { Company: { type: object } }
              - target: $.components.schemas.Company
                copy: $.components.schemas.Contact
              - target: $.components.schemas.Contact.required
                update: properties2
              - target: $.components.schemas.Contact.required[?@ == 'properties2']
                remove: true
            """);

        var api = model.Api!;
        var contact = api.Schemas.Single(schema => schema.Id == "#/components/schemas/Contact");
        Assert.Equal(new[] { "listContacts", "get-/crm/v3/objects/contacts/{contactId}_getById" }, api.Operations.Select(operation => operation.OperationId));
        Assert.Contains(api.Schemas, schema => schema.Id == "#/components/schemas/Company" && schema.Properties.Select(property => property.JsonName).SequenceEqual(new[] { "id", "properties" }));
        Assert.Equal(new[] { "id", "properties" }, contact.Properties.Where(property => property.Required).Select(property => property.JsonName));
        var custom = api.Schemas.Single(schema => schema.Properties.Any(property => property.JsonName == "hs_lead_score"));
        Assert.Equal(new[] { "hs_lead_score", "favourite_colour" }, custom.Properties.Select(property => property.JsonName));
        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Severity != Severity.Info);
    }

    [Fact]
    public void Overlays_apply_in_order_each_to_the_result_of_the_one_before()
    {
        var first = Overlay("/overlays/first.yaml", """
            overlay: 1.0.0
            info: { title: First, version: 1.0.0 }
            actions:
              - target: $.info
                update: { title: Renamed once }
            """);
        var second = Overlay("/overlays/second.json", """
            { "overlay": "1.0.0", "info": { "title": "Second", "version": "1.0.0" },
              "actions": [ { "target": "$.info[?@ == 'Renamed once']", "remove": true }, { "target": "$.info", "update": { "title": "Renamed twice" } } ] }
            """);

        var model = SdkGenerator.BuildModel(Spec(first, second), CancellationToken.None);

        Assert.Equal("Renamed twice", model.Api!.Title);
    }

    [Theory]
    [InlineData("overlay: 1.0.0\ninfo: { title: T, version: 1 }\nactions:\n  - target: $.paths['/crm/v3/objects/deals']\n    remove: true\n", "CSG0022", "Warning", 3, "matches nothing in contacts.yaml")]
    [InlineData("overlay: 1.0.0\ninfo: { title: T, version: 1 }\nactions:\n  - target: $.paths[?@.x ==]\n    remove: true\n", "CSG0021", "Error", 3, "is not an RFC 9535 JSONPath query")]
    [InlineData("overlay: 2.0.0\ninfo: { title: T, version: 1 }\nactions: []\n", "CSG0021", "Error", 0, "Overlay version '2.0.0' is not supported")]
    [InlineData("overlay: 1.0.0\ninfo: { title: T, version: 1 }\n", "CSG0021", "Error", 0, "has no 'actions'")]
    [InlineData("openapi: 3.0.0\n", "CSG0021", "Error", 0, "not an overlay")]
    [InlineData("overlay: 1.0.0\ninfo: { title: T, version: 1 }\nactions:\n  - target: $.info\n    update: { title: A }\n    copy: $.info\n", "CSG0021", "Error", 5, "both 'update' and 'copy'")]
    [InlineData("overlay: 1.1.0\ninfo: { title: T, version: 1 }\nactions:\n  - target: $.info\n    copy: $.paths.*\n", "CSG0021", "Error", 4, "selects 3 nodes")]
    [InlineData("overlay: 1.0.0\ninfo: { title: T, version: 1 }\nactions:\n  - target: $.info.title\n    update: New\n", "CSG0021", "Error", 3, "neither an object nor an array")]
    [InlineData("overlay: 1.0.0\ninfo: { title: T, version: 1 }\nactions:\n  - target: $.info\n    update: [1]\n", "CSG0021", "Error", 4, "must be an object")]
    [InlineData("overlay: 1.0.0\ninfo: { title: T, version: 1 }\nactions:\n  - target: $.info\n", "CSG0021", "Warning", 3, "changes nothing")]
    [InlineData("overlay: 1.0.0\nactions: [ { target: $.info, update: {} } ]\n", "CSG0021", "Warning", 0, "needs a 'title' and a 'version'")]
    [InlineData("overlay: [1.0.0\n", "CSG0021", "Error", 1, "not valid YAML")]
    public void An_overlay_that_cannot_apply_is_reported_at_its_line_in_the_overlay_and_the_spec_still_generates(string overlay, string id, string severity, int line, string message)
    {
        var model = SdkGenerator.BuildModel(Spec(Overlay("/overlays/portal.yaml", overlay)), CancellationToken.None);

        var finding = Assert.Single(model.Diagnostics, diagnostic => diagnostic.Id == id);
        Assert.Equal((severity, "/overlays/portal.yaml", line), (finding.Severity.ToString(), finding.FilePath, finding.Span.StartLine));
        Assert.Contains(message, finding.Message, StringComparison.Ordinal);
        Assert.Equal(3, model.Api!.Operations.Count);
    }

    [Fact]
    public void An_overlay_meant_for_every_spec_does_not_warn_where_its_target_is_missing()
    {
        var model = SdkGenerator.BuildModel(Spec(Overlay("/overlays/all.yaml", "overlay: 1.0.0\ninfo: { title: T, version: 1 }\nactions:\n  - target: $.paths['/deals']\n    remove: true\n", specPath: string.Empty)), CancellationToken.None);

        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Id == "CSG0022");
    }

    [Fact]
    public void An_overlay_that_extends_another_spec_is_not_applied()
    {
        var model = SdkGenerator.BuildModel(Spec(Overlay("/overlays/deals.yaml", "overlay: 1.0.0\nextends: https://example.com/specs/deals.yaml\ninfo: { title: T, version: 1 }\nactions:\n  - target: $.info\n    update: { title: Deals }\n", specPath: string.Empty)), CancellationToken.None);

        Assert.Equal("Contacts", model.Api!.Title);
    }

    [Fact]
    public void Names_and_descriptions_an_overlay_adds_are_as_inert_as_a_spec_s()
    {
        var model = Build("""
            overlay: 1.0.0
            info: { title: Hostile, version: 1.0.0 }
            actions:
              - target: $.components.schemas.Contact.properties
                update:
                  "x\"; System.Environment.Exit(1); //": { type: string, description: "*/ } class Injected { /*\n#error injected" }
              - target: $.paths['/crm/v3/objects/contacts'].get
                update: { operationId: "list\"); System.Environment.Exit(2); //", description: "</summary> <script>\r\n#pragma warning disable" }
            """);

        var generated = SdkGenerator.Emit(model, CancellationToken.None);
        var compiled = Support.GeneratedCompilation.Compile(generated);

        Assert.Empty(compiled.GetDiagnostics().Where(diagnostic => diagnostic.Severity >= Microsoft.CodeAnalysis.DiagnosticSeverity.Warning));
        Assert.DoesNotContain("Injected", compiled.Assembly.TypeNames);
        Assert.DoesNotContain(generated.Files.SelectMany(file => file.Content.Split('\n')), line => line.TrimStart().StartsWith("#error", StringComparison.Ordinal) || line.TrimStart().StartsWith("#pragma", StringComparison.Ordinal));
        Assert.Contains(model.Api!.Schemas.SelectMany(schema => schema.Properties), property => property.JsonName.StartsWith("x\"; System.Environment.Exit", StringComparison.Ordinal));
    }

    [Fact]
    public void Typed_members_an_overlay_adds_to_a_map_of_properties_sit_beside_the_map_of_the_others()
    {
        var model = Build("""
            overlay: 1.0.0
            info: { title: Portal, version: 1.0.0 }
            actions:
              - target: $.components.schemas.Contact.properties.properties
                update:
                  properties:
                    hs_lead_score: { type: string, pattern: '^[0-9]+$' }
                    preferred_channel: { type: string, enum: [email, phone] }
            """);

        var generated = SdkGenerator.Emit(model, CancellationToken.None);

        Assert.Empty(Support.GeneratedCompilation.Problems(Support.GeneratedCompilation.Compile(generated)));
        var read = Support.GeneratedCompilation.Run(generated, """
            /// <summary>Reads a portal's properties into the overlaid model.</summary>
            public static class Probe
            {
                /// <summary>The typed members, one other property from the map, and what validation found.</summary>
                public static string Run()
                {
                    var reader = new System.Text.Json.Utf8JsonReader("{\"hs_lead_score\":\"42\",\"preferred_channel\":\"sms\",\"firstname\":\"Ada\"}"u8);
                    reader.Read();
                    var properties = Test.Contacts.Models.ContactProperties.ReadJson(ref reader);
                    var problems = properties.Validate();
                    return properties.HsLeadScore + "|" + properties.PreferredChannel + "|" + properties.AdditionalProperties["firstname"] + "|" + string.Join(",", System.Linq.Enumerable.Select(problems.Errors, problem => problem.Path));
                }
            }
            """);
        Assert.Equal("42|sms|Ada|/preferred_channel", read);
    }

    private static ModelResult Build(string overlay) =>
        SdkGenerator.BuildModel(Spec(Overlay("/overlays/portal.yaml", overlay)), CancellationToken.None);

    private static OverlayFile Overlay(string path, string text, string specPath = "specs/contacts.yaml") => new(path, text, specPath);

    private static SpecSource Spec(params OverlayFile[] overlays) =>
        new SpecSource("/project/specs/contacts.yaml", OverlaySpecs.Contacts, "Test.Contacts", "ContactsClient", "Test") { Overlays = overlays.ToEquatableArray() };
}
