using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace CrmSdkGen.Tests.Support;

/// <summary>The analyzer options MSBuild produces for CrmSdkGenSpec items and (.sbn files) CrmSdkGenTemplate items.</summary>
internal sealed class SpecItemOptionsProvider(string targetNamespace, string clientName) : AnalyzerConfigOptionsProvider
{
    public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(new() { ["build_property.RootNamespace"] = "Test" });

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => new Options(new());

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path.EndsWith(".sbn", StringComparison.Ordinal)
        ? new Options(new() { ["build_metadata.AdditionalFiles.CrmSdkGenTemplate"] = "true" })
        : new Options(new()
        {
            ["build_metadata.AdditionalFiles.CrmSdkGenSpec"] = "true",
            ["build_metadata.AdditionalFiles.Namespace"] = targetNamespace,
            ["build_metadata.AdditionalFiles.ClientName"] = clientName,
        });

    private sealed class Options(Dictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
