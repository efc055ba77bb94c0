using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Tests.Support;

/// <summary>
/// Expected generated sources kept as files under tests/CrmSdkGen.Tests/Golden/&lt;case&gt;/. A reviewer reads them as the
/// contract of the output; set CRMSDKGEN_UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
/// </summary>
internal static class Golden
{
    public static IEnumerable<(string HintName, string Content)> Files(string caseName, string spec)
    {
        var directory = Path.Combine(SourceDirectory(), "Golden", caseName);
        if (Environment.GetEnvironmentVariable("CRMSDKGEN_UPDATE_GOLDEN") == "1")
        {
            var result = SdkGenerator.Generate(new SpecSource(GeneratorHarness.SpecPath, spec, "Test.Api", "TestClient", "Test"));
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }

            Directory.CreateDirectory(directory);
            foreach (var file in result.Files)
            {
                File.WriteAllText(Path.Combine(directory, file.HintName + ".txt"), file.Content);
            }
        }

        Assert.True(Directory.Exists(directory), $"No golden files for '{caseName}'; run the tests once with CRMSDKGEN_UPDATE_GOLDEN=1.");
        return Directory.GetFiles(directory, "*.g.cs.txt")
            .Order(StringComparer.Ordinal)
            .Select(path => (Path.GetFileName(path)[..^".txt".Length], File.ReadAllText(path)))
            .ToList();
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(Path.GetDirectoryName(path))!;
}
