using System.Reflection;
using System.Runtime.Loader;
using CrmSdkGen.Generation;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>Compiles a generated client and loads it into a collectible context, so a test can call it.</summary>
internal static class GeneratedAssembly
{
    public static Assembly Load(GenerationResult result, string name)
    {
        var compilation = GeneratedCompilation.Compile(result);
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join(Environment.NewLine, emitted.Diagnostics.Take(10)));
        image.Position = 0;
        return new AssemblyLoadContext(name, isCollectible: true).LoadFromStream(image);
    }
}
