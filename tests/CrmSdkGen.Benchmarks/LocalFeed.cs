namespace CrmSdkGen.Benchmarks;

/// <summary>Both packages packed into a folder feed under a work folder, with a nuget.config there that uses it.</summary>
internal static class LocalFeed
{
    public static string Create(string repository, string work)
    {
        var feed = Path.Combine(work, "feed");
        ConsumerBuildBenchmark.Exec(repository, "dotnet", $"pack generator/CrmSdkGen.Package -c Release -o \"{feed}\"");
        ConsumerBuildBenchmark.Exec(repository, "dotnet", $"pack runtime/CrmSdkGen.Runtime -c Release -o \"{feed}\"");
        File.WriteAllText(Path.Combine(work, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="crmsdkgen-local" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return feed;
    }
}
