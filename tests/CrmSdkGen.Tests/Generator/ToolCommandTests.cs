using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>The command-line tool: "generate" writes what the generator emits, "diff" fails a pipeline on breaking changes.</summary>
public sealed class ToolCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("crmsdkgen-tool").FullName;

    [Fact]
    public void Generate_writes_the_files_the_generator_emits()
    {
        var spec = GeneratedCompilation.SpecPath("acme/acme-crm-contacts.yaml");
        var folder = Path.Combine(_directory, "out");

        var (code, output, _) = Run("generate", spec, "--out", folder, "--namespace", "Acme.Crm", "--client", "AcmeCrmClient");

        Assert.Equal(0, code);
        var expected = SdkGenerator.Generate(new SpecSource(Path.GetFullPath(spec), File.ReadAllText(spec), "Acme.Crm", "AcmeCrmClient", string.Empty)).Files;
        Assert.Equal(expected.Select(file => file.HintName).Order(StringComparer.Ordinal), Directory.GetFiles(folder).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.All(expected, file => Assert.Equal(file.Content, File.ReadAllText(Path.Combine(folder, file.HintName))));
        Assert.Contains($"{expected.Count} file(s) written", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Generate_with_a_broken_template_prints_its_place_and_exits_with_1()
    {
        var template = Write("Model.sbn", "// first line\n{{ model.no_such_member }}");

        var (code, output, _) = Run("generate", GeneratedCompilation.SpecPath("acme/acme-crm-contacts.yaml"), "--out", Path.Combine(_directory, "out"), "--template", template);

        Assert.Equal(1, code);
        Assert.Contains($"{template}(2,", output, StringComparison.Ordinal);
        Assert.Contains("error CSG0009", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_prints_each_breaking_change_at_its_line_and_exits_with_1()
    {
        var old = Write("v1.yaml", RegenerationReportTests.Baseline);
        var current = Write("v2.yaml", RegenerationReportTests.Current);

        var (code, output, _) = Run("diff", old, current);

        Assert.Equal(1, code);
        var line = RegenerationReportTests.Current.Split('\n').Select((text, index) => (text, index)).First(pair => pair.text.TrimStart().StartsWith("/contacts/{id}:", StringComparison.Ordinal)).index + 1;
        Assert.Contains($"{current}({line},", output, StringComparison.Ordinal);
        Assert.Contains("warning CSG0101: The operation DELETE /contacts/{id} (deleteContact) was removed", output, StringComparison.Ordinal);
        Assert.DoesNotContain("CSG0110", output, StringComparison.Ordinal);
        Assert.Contains("11 breaking change(s).", output, StringComparison.Ordinal);

        Assert.Contains("info CSG0110", Run("diff", old, current, "--additions").Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Diff_of_an_unchanged_spec_exits_with_0_and_bad_usage_with_2()
    {
        var spec = Write("v1.yaml", RegenerationReportTests.Baseline);

        var (code, output, _) = Run("diff", spec, spec);

        Assert.Equal(0, code);
        Assert.Contains("No breaking changes.", output, StringComparison.Ordinal);
        Assert.Equal(2, Run("diff", spec).Code);
        Assert.Equal(2, Run("generate", spec, "--out", _directory, "--colour", "red").Code);
        Assert.Equal(2, Run("diff", spec, Path.Combine(_directory, "missing.yaml")).Code);
        Assert.Equal(2, Run("frobnicate").Code);
    }

    [Fact]
    public void Diff_with_additions_prints_renames_moves_and_status_changes_too()
    {
        var old = Write("v1.yaml", "openapi: 3.0.3\ninfo: { title: T, version: '1' }\npaths:\n  /contacts/{contactId}:\n    get:\n      operationId: getContact\n      parameters: [{ name: contactId, in: path, required: true, schema: { type: string } }]\n      responses: { '200': { description: One. } }\n");
        var current = Write("v2.yaml", "openapi: 3.0.3\ninfo: { title: T, version: '2' }\npaths:\n  /contacts/{id}:\n    get:\n      operationId: getContact\n      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]\n      responses: { '201': { description: One. } }\n");

        var (code, output, _) = Run("diff", old, current, "--additions");

        Assert.Equal(0, code);
        Assert.Contains("info CSG0111: The path parameter 'contactId'", output, StringComparison.Ordinal);
        Assert.Contains("info CSG0112: The success status", output, StringComparison.Ordinal);
        Assert.Contains("No breaking changes.", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Requests_writes_an_http_file_and_a_Postman_collection_with_credentials_as_variables()
    {
        var spec = GeneratedCompilation.SpecPath("acme/acme-crm-contacts.yaml");

        var (code, output, _) = Run("requests", spec, "--out", _directory);

        Assert.Equal(0, code);
        Assert.Contains("request(s) written", output, StringComparison.Ordinal);
        var http = File.ReadAllText(Path.Combine(_directory, "acme-crm-contacts.http"));
        Assert.Contains("@baseUrl = https://api.acme-crm.example/v1\n@apiKey = \n", http, StringComparison.Ordinal);
        Assert.Contains("### listContacts: List contacts\nGET {{baseUrl}}/contacts\nX-Api-Key: {{apiKey}}\n", http, StringComparison.Ordinal);
        Assert.Contains("PATCH {{baseUrl}}/contacts/sample\nX-Api-Key: {{apiKey}}\nContent-Type: application/json\n\n", http, StringComparison.Ordinal);
        Assert.Contains("Content-Type: multipart/form-data; boundary=crmsdkgen", http, StringComparison.Ordinal);
        using var collection = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(_directory, "acme-crm-contacts.postman_collection.json")));
        Assert.Equal("https://schema.getpostman.com/json/collection/v2.1.0/collection.json", collection.RootElement.GetProperty("info").GetProperty("schema").GetString());
        Assert.Contains(collection.RootElement.GetProperty("variable").EnumerateArray(), variable => variable.GetProperty("key").GetString() == "apiKey");
        Assert.Equal(2, Run("requests", spec).Code);
    }

    [Fact]
    public void Spec_text_with_line_breaks_cannot_add_requests_or_headers_to_the_http_file()
    {
        var spec = Write("hostile.json", """
            {"openapi":"3.0.3","info":{"title":"T\n### DELETE /everything","version":"1"},"servers":[{"url":"https://a.example\nX-Evil: 1"}],
             "paths":{"/x":{"get":{"operationId":"getX","parameters":[{"name":"X-Trace\nX-Evil","in":"header","required":true,"example":"v\n\n### POST /evil","schema":{"type":"string"}}],
             "responses":{"200":{"description":"ok"}}}}}}
            """);

        Assert.Equal(0, Run("requests", spec, "--out", _directory).Code);

        var lines = File.ReadAllLines(Path.Combine(_directory, "hostile.http"));
        Assert.Single(lines, line => line.StartsWith("###", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.StartsWith("X-Evil", StringComparison.Ordinal) || line.StartsWith("POST", StringComparison.Ordinal));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args) => ToolRunner.Run(args);
}
