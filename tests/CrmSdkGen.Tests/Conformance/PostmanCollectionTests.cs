using System.Diagnostics;
using System.Text.Json;
using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// The Postman collection made for a spec runs with newman against Prism serving the same spec: every request passes
/// Prism's validation (path, parameters, body against its schema, credentials present) and is answered below 400.
/// </summary>
public sealed class PostmanCollectionTests
{
    [Theory]
    [InlineData("acme/acme-crm-contacts.yaml")]
    [InlineData("acme/acme-crm-deals.yaml")]
    [InlineData("crm/keap-v2.yaml")]
    public async Task Newman_runs_every_request_of_the_collection_against_Prism_and_each_passes(string spec)
    {
        var path = GeneratedCompilation.SpecPath(spec);
        var api = SdkGenerator.BuildModel(new SpecSource(path, File.ReadAllText(path), "Requests.Api", "RequestsClient", "Requests"), CancellationToken.None).Api!;
        var folder = Directory.CreateTempSubdirectory("crmsdkgen-postman-");
        try
        {
            var collection = Path.Combine(folder.FullName, "collection.json");
            var report = Path.Combine(folder.FullName, "report.json");
            File.WriteAllText(collection, PostmanCollectionWriter.Write(api));
            var newman = await PrismServer.EnsureInstalledAsync("newman");
            await using var prism = await PrismServer.StartAsync(path);

            var start = new ProcessStartInfo(newman) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var argument in new[] { "run", collection, "--env-var", "baseUrl=" + prism.BaseAddress.ToString().TrimEnd('/'), "--reporters", "json", "--reporter-json-export", report, "--timeout-request", "30000" })
            {
                start.ArgumentList.Add(argument);
            }

            foreach (var scheme in api.SecuritySchemes)
            {
                var secret = scheme.Kind == Model.ApiSecurityKind.Basic ? Convert.ToBase64String("user:secret"u8.ToArray()) : "secret-" + scheme.Key;
                start.ArgumentList.Add("--env-var");
                start.ArgumentList.Add(RequestAuth.Variable(scheme.Key) + "=" + secret);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();

            using var result = JsonDocument.Parse(File.ReadAllText(report));
            var stats = result.RootElement.GetProperty("run").GetProperty("stats");
            var failures = result.RootElement.GetProperty("run").GetProperty("failures").EnumerateArray()
                .Select(failure => failure.GetProperty("source").GetProperty("name").GetString() + ": " + failure.GetProperty("error").GetProperty("message").GetString()).ToList();
            Assert.True(process.ExitCode == 0 && failures.Count == 0, $"newman exited {process.ExitCode}: {string.Join("; ", failures)} {await output} {await error}");
            Assert.Equal(api.Operations.Count, stats.GetProperty("requests").GetProperty("total").GetInt32());
            Assert.Equal(api.Operations.Count, stats.GetProperty("assertions").GetProperty("total").GetInt32());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
