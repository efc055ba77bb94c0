using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Overlay;

/// <summary>A temporary folder in which <c>crmsdkgen overlay</c> turns metadata answers into overlays that a spec is generated with.</summary>
internal sealed class MetadataOverlayWorkspace : IDisposable
{
    public string Directory { get; } = System.IO.Directory.CreateTempSubdirectory("crmsdkgen-metadata").FullName;

    /// <summary>Runs <c>crmsdkgen overlay</c> on the answer with the options and gives the overlay's path.</summary>
    public string Overlay(string answer, params string[] options)
    {
        var path = Path.Combine(Directory, $"overlay-{Guid.NewGuid():N}.json");
        var (code, _, error) = Run(["overlay", Write($"answer-{Guid.NewGuid():N}.json", answer), .. options, "--out", path]);
        Assert.True(code == 0, error);
        return path;
    }

    public static (ModelResult Model, GenerationResult Generated) Generate(string specPath, params string[] overlays)
    {
        var source = new SpecSource(Path.GetFullPath(specPath), File.ReadAllText(specPath), "Acme.Objects", "CrmClient", string.Empty)
        {
            Overlays = overlays.Select(path => new OverlayFile(path, File.ReadAllText(path), Path.GetFullPath(specPath))).ToEquatableArray(),
        };
        var model = SdkGenerator.BuildModel(source, CancellationToken.None);
        return (model, SdkGenerator.Emit(model, CancellationToken.None));
    }

    public string Write(string name, string text)
    {
        var path = Path.Combine(Directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    public static (int Code, string Output, string Error) Run(params string[] args) => ToolRunner.Run(args);

    public void Dispose() => System.IO.Directory.Delete(Directory, recursive: true);
}
