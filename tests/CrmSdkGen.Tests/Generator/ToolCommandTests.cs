using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;
using CrmSdkGen.Tool;

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

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static (int Code, string Output, string Error) Run(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ToolCommands.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
