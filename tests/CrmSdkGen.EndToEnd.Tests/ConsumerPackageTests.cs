using System.Diagnostics;
using Xunit.Abstractions;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>
/// Packs both packages into a temporary folder feed and builds a fresh project that has nothing but the package
/// reference and CrmSdkGenSpec items, then runs it: what a new user does.
/// </summary>
public sealed class ConsumerPackageTests(ITestOutputHelper output) : IDisposable
{
    private readonly DirectoryInfo _work = Directory.CreateTempSubdirectory("crmsdkgen-consumer-");

    public void Dispose() => _work.Delete(recursive: true);

    [Fact]
    public async Task A_fresh_project_with_only_the_package_and_two_specs_builds_without_warnings_even_from_the_AOT_analyzers_and_runs()
    {
        var repository = RepositoryRoot();
        var project = await CreateProjectAsync(repository);
        File.Copy(Path.Combine(repository, "specs/acme/acme-crm-contacts.yaml"), Path.Combine(project, "specs/contacts.yaml"));
        File.Copy(Path.Combine(repository, "specs/features/readme-3.0-petstore-expanded.json"), Path.Combine(project, "specs/petstore.json"));

        // An unchanged baseline: a Baseline the build could not find would be warning CSG0100, an error here.
        Directory.CreateDirectory(Path.Combine(project, "specs/baseline"));
        File.Copy(Path.Combine(repository, "specs/acme/acme-crm-contacts.yaml"), Path.Combine(project, "specs/baseline/contacts.yaml"));

        // The contacts client comes from the project's own copy of the Client template, with one member added.
        Directory.CreateDirectory(Path.Combine(project, "templates"));
        var clientTemplate = File.ReadAllText(Path.Combine(repository, "generator/CrmSdkGen/Emit/Templates/Client.sbn"))
            .Replace("public sealed partial class {{ model.name }} : {{ model.interface_name }}\n{\n", "public sealed partial class {{ model.name }} : {{ model.interface_name }}\n{\n    /// <summary>Added by the project's template.</summary>\n    public const string Flavour = {{ cs_string model.title }};\n\n", StringComparison.Ordinal);
        Assert.Contains("Flavour", clientTemplate, StringComparison.Ordinal);
        File.WriteAllText(Path.Combine(project, "templates/Client.sbn"), clientTemplate);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
                <!-- Turns on the trimming and NativeAOT analyzers: any reflection in generated code would fail the build. -->
                <IsAotCompatible>true</IsAotCompatible>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CrmSdkGen" Version="0.1.0" />
                <CrmSdkGenSpec Include="specs/contacts.yaml" Namespace="Acme.Crm" ClientName="AcmeClient" Baseline="specs/baseline/contacts.yaml" />
                <CrmSdkGenSpec Include="specs/petstore.json" />
                <CrmSdkGenTemplate Include="templates/Client.sbn" Spec="contacts.yaml" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using Acme.Crm;
            using Acme.Crm.Models;
            using CrmSdkGen.Runtime.Json;

            /// <summary>The consumer's entry point.</summary>
            public static class Program
            {
                /// <summary>Runs the check.</summary>
                public static void Main()
                {
                    var contact = JsonModel.Parse<Contact>("{\"id\":\"7\",\"email\":\"a@b.c\",\"createdAt\":\"2024-01-01T00:00:00Z\",\"updatedAt\":\"2024-01-02T00:00:00Z\",\"archived\":false,\"lifecycleStage\":\"evangelist\",\"x-custom\":[1,2]}");
                    var patch = new ContactInput { Phone = null, LifecycleStage = LifecycleStage.Customer };
                    using var http = new System.Net.Http.HttpClient();
                    var client = new AcmeClient(http);
                    var petstore = new Consumer.Petstore.SwaggerPetstoreClient(http);
                    System.Console.WriteLine($"{contact.Email}|{contact.LifecycleStage}|{contact.LifecycleStage?.IsKnown}|{JsonModel.ToJson(contact)}|{JsonModel.ToJson(patch)}|{client.Contacts.GetType().Name}|{petstore.Pets.GetType().Name}|{AcmeClient.Flavour}|{typeof(Consumer.Petstore.SwaggerPetstoreClient).GetField("Flavour") is null}");
                }
            }
            """);

        await RunAsync("dotnet", ["build", "-c", "Release"], project, Environment());
        var printed = await RunAsync("dotnet", ["run", "-c", "Release", "--no-build"], project, Environment());

        Assert.Contains(
            "a@b.c|evangelist|False|{\"id\":\"7\",\"email\":\"a@b.c\",\"lifecycleStage\":\"evangelist\",\"createdAt\":\"2024-01-01T00:00:00+00:00\",\"updatedAt\":\"2024-01-02T00:00:00+00:00\",\"archived\":false,\"x-custom\":[1,2]}|{\"phone\":null,\"lifecycleStage\":\"customer\"}|ContactsClient|PetsClient|Acme CRM Contacts|True",
            printed);

        // A project that only calls the CRM gets no database: SQLite comes with CrmSdkGen.Sync.Sqlite alone.
        var output = Path.Combine(project, "bin", "Release", "net10.0");
        Assert.True(File.Exists(Path.Combine(output, "CrmSdkGen.Runtime.dll")), "The consumer's output has no runtime.");
        Assert.DoesNotContain(Directory.GetFiles(output, "*", SearchOption.AllDirectories), file => Path.GetFileName(file).Contains("sqlite", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_project_that_overlays_a_vendor_spec_compiles_code_using_the_typed_members_and_renamed_operations()
    {
        var repository = RepositoryRoot();
        var project = await CreateProjectAsync(repository);
        File.Copy(Path.Combine(repository, "specs/acme/acme-crm-objects-v3.yaml"), Path.Combine(project, "specs/objects.yaml"));
        Directory.CreateDirectory(Path.Combine(project, "overlays"));

        // What crmsdkgen overlay writes for a HubSpot portal, then a renamed operation and an added schema.
        File.WriteAllText(Path.Combine(project, "overlays/portal.json"), """
            { "overlay": "1.0.0", "info": { "title": "Portal properties", "version": "1.0.0" },
              "actions": [ { "target": "$.components.schemas[?@.properties.properties.additionalProperties.type == 'string'].properties.properties",
                             "update": { "properties": {
                               "contract_value": { "type": "number", "format": "decimal", "nullable": true, "x-crmsdkgen-encoding": "string" },
                               "is_vip": { "type": "boolean", "nullable": true, "x-crmsdkgen-encoding": "string" },
                               "renewal_date": { "type": "string", "format": "date", "nullable": true } } } } ] }
            """);
        File.WriteAllText(Path.Combine(project, "overlays/naming.yaml"), """
            overlay: 1.1.0
            info: { title: Naming, version: 1.0.0 }
            actions:
              - target: $.paths['/crm/v3/objects/contacts/{contactId}'].get
                update: { operationId: getContact }
              - target: $.components.schemas
                update: { Invoice: { type: object, properties: { amount: { type: number, format: decimal } } } }
            """);
        File.WriteAllText(Path.Combine(project, "Consumer.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <OutputType>Exe</OutputType>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <GenerateDocumentationFile>true</GenerateDocumentationFile>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CrmSdkGen" Version="0.1.0" />
                <CrmSdkGenSpec Include="specs/objects.yaml" Namespace="Acme.Objects" ClientName="ObjectsClient" />
                <CrmSdkGenOverlay Include="overlays/portal.json" Spec="specs/objects.yaml" />
                <CrmSdkGenOverlay Include="overlays/naming.yaml" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(project, "Program.cs"), """
            using Acme.Objects.Models;
            using CrmSdkGen.Runtime.Json;

            /// <summary>The consumer's entry point.</summary>
            public static class Program
            {
                /// <summary>Reads a contact with the portal's properties and writes an edit back.</summary>
                public static void Main()
                {
                    var contact = JsonModel.Parse<SimplePublicObject>("{\"id\":\"51\",\"properties\":{\"contract_value\":\"1250.50\",\"is_vip\":\"true\",\"renewal_date\":\"2027-01-31\",\"email\":\"ada@example.com\"},\"createdAt\":\"2026-11-30T09:15:00Z\",\"updatedAt\":\"2026-11-30T09:15:00Z\",\"archived\":false}");
                    decimal? value = contact.Properties.ContractValue;
                    bool? vip = contact.Properties.IsVip;
                    System.DateOnly? renewal = contact.Properties.RenewalDate;
                    var edit = new SimplePublicObjectInput { Properties = contact.Properties };
                    edit.Properties.ContractValue = value + 1;
                    var invoice = new Invoice { Amount = 5m };
                    System.Console.WriteLine($"{value}|{vip}|{renewal:yyyy-MM-dd}|{contact.Properties.AdditionalProperties["email"]}|{JsonModel.ToJson(edit)}|{invoice.Amount}|{nameof(Acme.Objects.IContactsClient.GetContactAsync)}");
                }
            }
            """);

        await RunAsync("dotnet", ["build", "-c", "Release"], project, Environment());
        var printed = await RunAsync("dotnet", ["run", "-c", "Release", "--no-build"], project, Environment());

        Assert.Contains("1250.50|True|2027-01-31|ada@example.com|", printed);
        Assert.Contains("\"contract_value\":\"1251.50\"", printed);
        Assert.Contains("\"is_vip\":\"true\"", printed);
        Assert.Contains("|5|GetContactAsync", printed);
    }

    [Fact]
    public async Task Every_spec_of_the_repository_builds_side_by_side_in_one_project_through_the_real_compiler()
    {
        var repository = RepositoryRoot();
        var project = await CreateProjectAsync(repository);
        foreach (var folder in new[] { "acme", "crm", "features", "large" })
        {
            var target = Directory.CreateDirectory(Path.Combine(project, "specs", folder)).FullName;
            foreach (var spec in Directory.GetFiles(Path.Combine(repository, "specs", folder)))
            {
                File.Copy(spec, Path.Combine(target, Path.GetFileName(spec)));
            }
        }

        File.WriteAllText(Path.Combine(project, "AllSpecs.csproj"), """
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
                <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
                <IsAotCompatible>true</IsAotCompatible>
                <!-- The generator's own warnings name spec constructs it passes on as raw values; they are reported, not failed on. -->
                <WarningsNotAsErrors>CSG0004;CSG0006;CSG0007</WarningsNotAsErrors>
              </PropertyGroup>
              <ItemGroup>
                <PackageReference Include="CrmSdkGen" Version="0.1.0" />
                <CrmSdkGenSpec Include="specs/**/*.json;specs/**/*.yaml" />
              </ItemGroup>
            </Project>
            """);

        var built = await RunAsync("dotnet", ["build", "-c", "Release"], project, Environment());

        Assert.Contains(" 0 Error(s)", built);
        Assert.DoesNotContain(": error ", built);
        Assert.DoesNotMatch(@"warning CS\d{4}", built);
        Assert.DoesNotMatch(@"warning IL\d{4}", built);
    }

    private Dictionary<string, string> Environment() => new() { ["NUGET_PACKAGES"] = Path.Combine(_work.FullName, "packages") };

    /// <summary>Packs both packages into a feed of this test's own and creates a project folder that uses only that feed.</summary>
    private async Task<string> CreateProjectAsync(string repository)
    {
        var feed = Directory.CreateDirectory(Path.Combine(_work.FullName, "feed")).FullName;
        foreach (var packable in new[] { "runtime/CrmSdkGen.Runtime/CrmSdkGen.Runtime.csproj", "generator/CrmSdkGen.Package/CrmSdkGen.Package.csproj" })
        {
            await RunAsync("dotnet", ["pack", Path.Combine(repository, packable), "-c", "Release", "-o", feed], repository);
        }

        Assert.True(File.Exists(Path.Combine(feed, "CrmSdkGen.0.1.0.nupkg")));
        Assert.True(File.Exists(Path.Combine(feed, "CrmSdkGen.Runtime.0.1.0.nupkg")));

        var project = Directory.CreateDirectory(Path.Combine(_work.FullName, "consumer")).FullName;
        Directory.CreateDirectory(Path.Combine(project, "specs"));
        File.WriteAllText(Path.Combine(project, "nuget.config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <add key="crmsdkgen-test-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        return project;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "CrmSdkGen.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    private async Task<string> RunAsync(string fileName, string[] arguments, string workingDirectory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(fileName) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var pair in environment ?? new Dictionary<string, string>())
        {
            start.Environment[pair.Key] = pair.Value;
        }

        // The test host's MSBuild settings would otherwise leak into the child build.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        using var process = Process.Start(start)!;
        var standardOutput = process.StandardOutput.ReadToEndAsync();
        var standardError = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        var text = await standardOutput + await standardError;
        output.WriteLine($"$ {fileName} {string.Join(' ', arguments)} (exit {process.ExitCode})");
        output.WriteLine(text.Length > 20_000 ? text[^20_000..] : text);
        Assert.True(process.ExitCode == 0, $"{fileName} {string.Join(' ', arguments)} failed:{System.Environment.NewLine}{text}");
        return text;
    }
}
