using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrmSdkGen.Tests.Support;

/// <summary>
/// The analyzer options MSBuild produces for CrmSdkGenSpec items and (.sbn files) CrmSdkGenTemplate items;
/// <paramref name="metadataFor"/> gives other files (such as baselines) metadata of their own, and adds to a spec's;
/// <paramref name="buildProperties"/> are the project's properties the package makes visible to the compiler.
/// </summary>
internal sealed class SpecItemOptionsProvider(
    string targetNamespace,
    string clientName,
    Func<string, Dictionary<string, string>?>? metadataFor = null,
    string? projectDirectory = null,
    Dictionary<string, string>? buildProperties = null) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(Global(projectDirectory, buildProperties));

    private static Dictionary<string, string> Global(string? projectDirectory, Dictionary<string, string>? buildProperties)
    {
        var global = new Dictionary<string, string> { ["build_property.RootNamespace"] = "Test" };
        if (projectDirectory is not null)
        {
            global["build_property.MSBuildProjectDirectory"] = projectDirectory;
        }

        foreach (var (name, value) in buildProperties ?? new())
        {
            global["build_property." + name] = value;
        }

        return global;
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile)
    {
        var own = metadataFor?.Invoke(textFile.Path);
        if (textFile.Path.EndsWith(".sbn", StringComparison.Ordinal))
        {
            var template = new Dictionary<string, string> { ["build_metadata.AdditionalFiles.CrmSdkGenTemplate"] = "true" };
            foreach (var (key, value) in own ?? new())
            {
                template[key] = value;
            }

            return new Options(template);
        }

        if (own is not null && !own.ContainsKey("build_metadata.AdditionalFiles.CrmSdkGenSpec"))
        {
            return new Options(own);
        }

        var spec = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.CrmSdkGenSpec"] = "true",
            ["build_metadata.AdditionalFiles.Namespace"] = targetNamespace,
            ["build_metadata.AdditionalFiles.ClientName"] = clientName,
        };
        foreach (var (key, value) in own ?? new())
        {
            spec[key] = value;
        }

        return new Options(spec);
    }

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
