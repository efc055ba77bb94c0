using CrmSdkGen.Emit;
using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>A project's template replaces the built-in one of the same name; a broken one is an error at its own line.</summary>
public sealed class TemplateOverrideTests
{
    public static TheoryData<string, string> Templates => new()
    {
        { "Model", "Test.Api.Models.Contact.g.cs" },
        { "Enum", "Test.Api.Models.LifecycleStage.g.cs" },
        { "IntegerEnum", "Test.Api.Models.Priority.g.cs" },
        { "Union", "Test.Api.Models.Owner.g.cs" },
        { "Group", "Test.Api.ContactsClient.g.cs" },
        { "Client", "Test.Api.TestClient.g.cs" },
        { "Options", "Test.Api.TestClientOptions.g.cs" },
        { "Security", "Test.Api.TestClientSecurity.g.cs" },
        { "Registration", "Test.Api.TestClientServiceCollectionExtensions.g.cs" },
        { "SyncAdapter", "Test.Api.ContactsSyncAdapter.g.cs" },
    };

    private const string Spec = """
        openapi: 3.0.3
        info: { title: Templates, version: "1" }
        components:
          securitySchemes:
            key: { type: apiKey, in: header, name: X-Key }
          schemas:
            Contact:
              type: object
              properties:
                id: { type: string }
                updatedAt: { type: string, format: date-time }
                stage: { $ref: '#/components/schemas/LifecycleStage' }
                priority: { $ref: '#/components/schemas/Priority' }
                owner: { $ref: '#/components/schemas/Owner' }
            LifecycleStage: { type: string, enum: [lead, customer] }
            Priority: { type: integer, enum: [1, 2] }
            Owner:
              oneOf:
                - { type: string }
                - { $ref: '#/components/schemas/Contact' }
        security: [{ key: [] }]
        paths:
          /contacts:
            get:
              tags: [Contacts]
              operationId: listContacts
              responses:
                "200": { description: All., content: { application/json: { schema: { type: array, items: { $ref: '#/components/schemas/Contact' } } } } }
          /contacts/{id}:
            get:
              tags: [Contacts]
              operationId: getContact
              parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
              responses:
                "200": { description: One., content: { application/json: { schema: { $ref: '#/components/schemas/Contact' } } } }
        """;

    [Theory]
    [MemberData(nameof(Templates))]
    public void An_override_replaces_the_built_in_template_of_its_name_and_only_that(string template, string file)
    {
        var marker = $"// Rendered by the project's {template}.sbn";
        var result = Generate(new TemplateOverride(template, $"/project/templates/{template}.sbn", marker + "\n" + TemplateCatalog.ReadSource(template), string.Empty));

        Assert.Empty(result.Diagnostics);
        Assert.StartsWith(marker, Assert.Single(result.Files, generated => generated.HintName == file).Content, StringComparison.Ordinal);
        Assert.Equal([file], result.Files.Where(generated => generated.Content.Contains(marker, StringComparison.Ordinal)).Select(generated => generated.HintName));
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void A_spec_s_own_override_wins_over_the_project_wide_one_and_others_specs_keep_theirs()
    {
        var projectWide = new TemplateOverride("Client", "/project/templates/Client.sbn", "// project-wide\n" + TemplateCatalog.ReadSource("Client"), string.Empty);
        var ownSpec = new TemplateOverride("Client", "/project/templates/crm/Client.sbn", "// for spec.yaml\n" + TemplateCatalog.ReadSource("Client"), "spec.yaml");
        var otherSpec = new TemplateOverride("Client", "/project/templates/other/Client.sbn", "// for other.yaml\n" + TemplateCatalog.ReadSource("Client"), "other.yaml");

        var client = Assert.Single(Generate(projectWide, ownSpec, otherSpec).Files, file => file.HintName == "Test.Api.TestClient.g.cs").Content;

        Assert.StartsWith("// for spec.yaml", client, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ for p in model.properties }}", 0, "<end> statement was not found")]
    [InlineData("// header\n{{ model.nmae }}", 1, "nmae")]
    [InlineData("// header\n// more\n{{ model.name | string.nonexistent_function }}", 2, "nonexistent_function")]
    public void A_broken_override_is_an_error_at_its_line_naming_the_template_and_the_built_in_one_renders_instead(string text, int line, string detail)
    {
        var result = Generate(new TemplateOverride("Model", "/project/templates/Model.sbn", text, string.Empty));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("CSG0009", Severity.Error, "/project/templates/Model.sbn", line), (error.Id, error.Severity, error.FilePath, error.Span.StartLine));
        Assert.Contains("replacing the built-in Model.sbn", error.Message, StringComparison.Ordinal);
        Assert.True(error.Message.Contains(detail, StringComparison.OrdinalIgnoreCase), error.Message);
        Assert.Contains(result.Files, file => file.HintName == "Test.Api.Models.Contact.g.cs" && file.Content.Contains("public partial class Contact", StringComparison.Ordinal));
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void Overrides_share_a_partial_of_the_project_and_can_render_the_built_in_template_they_replace()
    {
        var banner = new TemplateOverride("_Banner", "/project/templates/_Banner.sbn", "// Part of {{ model.namespace }}, generated from its spec.\n", string.Empty);
        var client = new TemplateOverride("Client", "/project/templates/Client.sbn", "{{ include '_Banner' }}{{ include 'builtin:Client' }}", string.Empty);
        var options = new TemplateOverride("Options", "/project/templates/Options.sbn", "{{ include '_Banner.sbn' }}{{ include 'builtin:Options' }}", string.Empty);

        var result = Generate(banner, client, options);

        Assert.Empty(result.Diagnostics);
        var builtIn = Generate();
        foreach (var name in new[] { "Test.Api.TestClient.g.cs", "Test.Api.TestClientOptions.g.cs" })
        {
            var file = Assert.Single(result.Files, generated => generated.HintName == name).Content;
            Assert.Equal("// Part of Test.Api, generated from its spec.\n" + Assert.Single(builtIn.Files, generated => generated.HintName == name).Content, file);
        }

        Assert.DoesNotContain(result.Files, generated => generated.HintName.Contains("Banner", StringComparison.Ordinal));
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void Including_a_template_nobody_has_is_an_error_at_the_include_in_the_override()
    {
        var result = Generate(new TemplateOverride("Client", "/project/templates/Client.sbn", "// header\n{{ include '_Missing' }}", string.Empty));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(("CSG0009", "/project/templates/Client.sbn", 1), (error.Id, error.FilePath, error.Span.StartLine));
        Assert.Contains("_Missing", error.Message, StringComparison.Ordinal);
        Assert.Contains(result.Files, file => file.HintName == "Test.Api.TestClient.g.cs");
    }

    [Fact]
    public void A_group_template_can_build_requests_and_send_calls_from_the_structured_members_alone()
    {
        // Simple query and path parameters and JSON results are rebuilt from their parts; the rest keeps its statement.
        var group = TemplateCatalog.ReadSource("Group")
            .Replace("        {{ op.send }};", "        {{ if op.result_kind == \"json\" }}_core.SendForJsonAsync({{ op.request_call }}, {{ op.result_codec }}, {{ op.error_map }}, allowEmpty: {{ if op.allow_empty }}true{{ else }}false{{ end }}, cancellationToken){{ else }}{{ op.send }}{{ end }};", StringComparison.Ordinal)
            .Replace(
                "{{~ for s in op.statements ~}}\n        {{ s }}\n{{~ end ~}}",
                """
                {{~ for p in op.parameters ~}}
                {{~ if p.location == "query" && p.formatted && p.style == "form" && !(p.type | string.contains "IList") ~}}
                        {{ if p.optional }}if ({{ p.name }} is not null) {{ end }}request.AddQueryParameter({{ cs_string p.wire_name }}, {{ p.formatted }});
                {{~ else if p.location == "path" && p.style == "simple" ~}}
                        {{ if p.optional }}if ({{ p.name }} is not null) {{ end }}request.SetPathParameter({{ cs_string p.wire_name }}, {{ p.formatted }});
                {{~ else ~}}
                        {{ p.statement }}
                {{~ end ~}}
                {{~ end ~}}
                """.Replace("\r\n", "\n", StringComparison.Ordinal),
                StringComparison.Ordinal);
        Assert.DoesNotContain("op.statements", group, StringComparison.Ordinal);
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "specs", "acme", "acme-crm-contacts.yaml"));
        var model = SdkGenerator.BuildModel(new SpecSource("/project/specs/contacts.yaml", spec, "Test.Api", "TestClient", "Test"), CancellationToken.None);

        var reshaped = SdkGenerator.Emit(model, new[] { new TemplateOverride("Group", "/project/templates/Group.sbn", group, string.Empty) }.ToEquatableArray(), CancellationToken.None);
        var builtIn = SdkGenerator.Emit(model, Array.Empty<TemplateOverride>().ToEquatableArray(), CancellationToken.None);

        Assert.DoesNotContain(reshaped.Diagnostics, diagnostic => diagnostic.Severity == Severity.Error);
        Assert.Equal(builtIn.Files.Select(file => (file.HintName, file.Content)), reshaped.Files.Select(file => (file.HintName, file.Content)));

        // The rebuilt branches are the ones taken: changing them changes the request.
        var upper = group.Replace("({{ cs_string p.wire_name }}, {{ p.formatted }})", "({{ cs_string (p.wire_name | string.upcase) }}, {{ p.formatted }})", StringComparison.Ordinal);
        var changed = Assert.Single(SdkGenerator.Emit(model, new[] { new TemplateOverride("Group", "/project/templates/Group.sbn", upper, string.Empty) }.ToEquatableArray(), CancellationToken.None).Files, file => file.HintName == "Test.Api.ContactsClient.g.cs").Content;
        Assert.Contains("request.AddQueryParameter(\"LIMIT\", ", changed, StringComparison.Ordinal);
        Assert.Contains("request.SetPathParameter(\"CONTACTID\", ", changed, StringComparison.Ordinal);
    }

    [Fact]
    public void Paging_and_sync_calls_reach_templates_as_their_parts()
    {
        var group = TemplateCatalog.ReadSource("Group").Replace(
            "{{~ if op.paging ~}}\n",
            "{{~ if op.paging ~}}\n    // paging {{ op.paging.kind }} {{ op.paging.parameter }} {{ op.paging.page_variable }} | {{ op.paging.items }} | {{ op.paging.next }} | {{ op.paging.stop }}\n",
            StringComparison.Ordinal);
        var adapter = "// calls{{ for c in model.calls }} {{ c.role }}={{ c.group }}.{{ c.method }}({{ array.join c.arguments \", \" }}){{ end }}\n" + TemplateCatalog.ReadSource("SyncAdapter");
        var spec = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "specs", "acme", "acme-crm-contacts.yaml"));
        var model = SdkGenerator.BuildModel(new SpecSource("/project/specs/contacts.yaml", spec, "Test.Api", "TestClient", "Test"), CancellationToken.None);

        var result = SdkGenerator.Emit(model, new[] { new TemplateOverride("Group", "/project/templates/Group.sbn", group, string.Empty), new TemplateOverride("SyncAdapter", "/project/templates/SyncAdapter.sbn", adapter, string.Empty) }.ToEquatableArray(), CancellationToken.None);

        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Severity == Severity.Error);
        var contacts = Assert.Single(result.Files, file => file.HintName == "Test.Api.ContactsClient.g.cs").Content;
        var sync = Assert.Single(result.Files, file => file.HintName == "Test.Api.ContactsSyncAdapter.g.cs").Content;
        Assert.Contains("    // paging cursor after page | page.Results | page.Paging?.Next?.After | \n", contacts, StringComparison.Ordinal);
        Assert.StartsWith(
            "// calls list=Contacts.ListContactsJsonAsync(after: token, updatedSince: request.Since, limit: Options.PageSize) get=Contacts.GetByIdAsync(contactId: key) create=Contacts.CreateContactAsync(body: body) "
            + "update=Contacts.UpdateContactAsync(contactId: key, body: body) delete=Contacts.DeleteContactAsync(contactId: key) batch_update=Contacts.BatchUpdateContactsAsync(body: body)\n",
            sync,
            StringComparison.Ordinal);
    }

    private static GenerationResult Generate(params TemplateOverride[] templates)
    {
        var model = SdkGenerator.BuildModel(new SpecSource("/project/specs/spec.yaml", Spec, "Test.Api", "TestClient", "Test"), CancellationToken.None);
        return SdkGenerator.Emit(model, templates.ToEquatableArray(), CancellationToken.None);
    }
}
