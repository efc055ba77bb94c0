using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Tests.Overlay;

/// <summary>Include and Exclude metadata: the operations kept by path glob, method, tag or id, and the schemas only the dropped ones used, gone.</summary>
public sealed class OperationFilterTests
{
    private const string Polymorphic = """
        openapi: 3.0.3
        info: { title: Owners, version: "1" }
        paths:
          /owners/{id}:
            get:
              operationId: getOwner
              parameters: [ { $ref: '#/components/parameters/Id' } ]
              responses:
                "200": { $ref: '#/components/responses/Owner' }
          /teams:
            get:
              operationId: listTeams
              responses:
                "200":
                  description: Teams.
                  content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Team' } } } }
        components:
          parameters:
            Id: { name: id, in: path, required: true, schema: { type: string } }
          responses:
            Owner:
              description: An owner.
              content: { application/json: { schema: { $ref: '#/components/schemas/Owner' } } }
          schemas:
            Owner:
              oneOf: [ { $ref: '#/components/schemas/User' } ]
              discriminator: { propertyName: type, mapping: { user: '#/components/schemas/User', team: Team } }
            User:
              type: object
              properties: { type: { type: string }, address: { $ref: '#/components/schemas/Address' } }
            Team:
              type: object
              properties: { type: { type: string }, name: { type: string } }
            Address:
              type: object
              properties: { city: { type: string } }
            Unused:
              type: object
              properties: { x: { type: string } }
        """;

    [Theory]
    [InlineData("GET /crm/v3/objects/contacts/**", "", "get-/crm/v3/objects/contacts_getPage,get-/crm/v3/objects/contacts/{contactId}_getById", "Contact")]
    [InlineData("/crm/v3/objects/contacts/*", "", "get-/crm/v3/objects/contacts/{contactId}_getById,post-/crm/v3/objects/contacts/gdpr-delete_purge", "Contact")]
    [InlineData("tag:gdpr", "", "post-/crm/v3/objects/contacts/gdpr-delete_purge", "")]
    [InlineData("", "post-*_purge; get-*_getById", "get-/crm/v3/objects/contacts_getPage", "Contact")]
    [InlineData("tag:Basic", "POST,GET /crm/v3/objects/contacts", "get-/crm/v3/objects/contacts/{contactId}_getById", "Contact")]
    public void Only_the_operations_the_metadata_keeps_are_generated_with_the_schemas_they_reach(string include, string exclude, string operations, string schemas)
    {
        var model = SdkGenerator.BuildModel(Spec(OverlaySpecs.Contacts, include, exclude), CancellationToken.None);

        Assert.Equal(operations, string.Join(",", model.Api!.Operations.Select(operation => operation.OperationId)));
        Assert.Equal(schemas, string.Join(",", model.Api.Schemas.Where(schema => schema.Id.StartsWith("#/components/schemas/", StringComparison.Ordinal)).Select(schema => schema.Id.Substring("#/components/schemas/".Length))));
        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Severity != Severity.Info);
    }

    [Fact]
    public void Schemas_reached_through_references_responses_parameters_and_discriminator_mappings_are_kept()
    {
        var model = SdkGenerator.BuildModel(Spec(Polymorphic, "getOwner", string.Empty), CancellationToken.None);

        Assert.Equal(new[] { "getOwner" }, model.Api!.Operations.Select(operation => operation.OperationId));
        var kept = model.Api.Schemas.Select(schema => schema.Id).Where(id => id.StartsWith("#/components/schemas/", StringComparison.Ordinal)).ToList();
        Assert.Equal(new[] { "Address", "Team", "User" }, kept.Select(id => id.Substring("#/components/schemas/".Length)).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Severity != Severity.Info);
        Assert.Empty(Support.GeneratedCompilation.Problems(Support.GeneratedCompilation.Compile(SdkGenerator.Emit(model, CancellationToken.None))));
    }

    [Fact]
    public void An_entry_that_matches_no_operation_is_a_warning_in_the_spec()
    {
        var model = SdkGenerator.BuildModel(Spec(OverlaySpecs.Contacts, "getOwner; tag:Basic", "/deals/**"), CancellationToken.None);

        var warnings = model.Diagnostics.Where(diagnostic => diagnostic.Id == "CSG0024").ToList();
        Assert.Equal(new[] { "getOwner", "/deals/**" }, warnings.Select(warning => warning.Message.Split('\'')[1]));
        Assert.All(warnings, warning => Assert.Equal(("/project/specs/contacts.yaml", Severity.Warning), (warning.FilePath, warning.Severity)));
        Assert.Equal(2, model.Api!.Operations.Count);
    }

    [Theory]
    [InlineData("/teams", "", "", "Team")]
    [InlineData("/teams; /owner-*", "", "owner-changed", "Address,Team,User")]
    [InlineData("", "/owner-changed", "", "Address,Team,User")]
    [InlineData("/teams; ownerChanged", "", "owner-changed", "Address,Team,User")]
    public void Webhooks_are_kept_like_operations_named_by_their_name_or_id(string include, string exclude, string webhooks, string schemas)
    {
        var spec = Polymorphic.Replace("openapi: 3.0.3", "openapi: 3.1.0", StringComparison.Ordinal).Replace("components:\n", """
            webhooks:
              owner-changed:
                post:
                  operationId: ownerChanged
                  requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/User' } } } }
                  responses: { "200": { description: Received. } }
            components:

            """, StringComparison.Ordinal);

        var model = SdkGenerator.BuildModel(Spec(spec, include, exclude), CancellationToken.None);

        Assert.Equal(webhooks, string.Join(",", model.Api!.Webhooks.Select(webhook => webhook.Key)));
        Assert.Equal(schemas, string.Join(",", model.Api.Schemas.Select(schema => schema.Id).Where(id => id.StartsWith("#/components/schemas/", StringComparison.Ordinal)).Select(id => id.Substring("#/components/schemas/".Length)).Order(StringComparer.Ordinal)));
        Assert.DoesNotContain(model.Diagnostics, diagnostic => diagnostic.Severity != Severity.Info);
    }

    private static SpecSource Spec(string text, string include, string exclude) =>
        new SpecSource("/project/specs/contacts.yaml", text, "Test.Contacts", "ContactsClient", "Test") { IncludeOperations = include, ExcludeOperations = exclude };
}
