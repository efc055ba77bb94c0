using System.Reflection;
using CrmSdkGen.CSharp;
using CrmSdkGen.CSharp.Emit;
using CrmSdkGen.Generation;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Tests.Support;
using Xunit.Abstractions;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// Each CRM spec's generated client against Prism serving that spec: every operation is called, those with a required
/// JSON or form body with the spec's example (or the body's required properties); Prism must accept the request (no
/// 422) and the generated code must read every 2xx response.
/// </summary>
public sealed class PrismConformanceTests(ITestOutputHelper output)
{
    // Calls Prism itself cannot judge, each with the reason; everything else must pass.
    private static readonly Dictionary<(string Spec, string Call), string> PrismLimitations = new()
    {
        [("crm/intercom-2.16.yaml", "GET /events")] = "Prism 5.12 refuses every serialisation of the form-exploded oneOf object 'filter' (user_id=..., filter[user_id]=..., filter=user_id,...).",
    };

    public static IEnumerable<object[]> Specs() =>
        new[] { "acme/acme-crm-contacts.yaml" }
            .Concat(Directory.GetFiles(GeneratedCompilation.SpecPath("crm")).Select(path => "crm/" + Path.GetFileName(path)).Order(StringComparer.Ordinal))
            .Select(spec => new object[] { spec });

    [Theory]
    [MemberData(nameof(Specs))]
    public async Task Prism_accepts_every_call_and_every_response_is_read(string spec)
    {
        var path = GeneratedCompilation.SpecPath(spec);
        var source = new SpecSource(path, File.ReadAllText(path), "Conformance.Api", "ConformanceClient", "Conformance");
        var model = SdkGenerator.BuildModel(source, CancellationToken.None);
        var assembly = GeneratedAssembly.Load(SdkGenerator.Emit(model, CancellationToken.None), spec);
        var files = CSharpProjection.Project(model.Api!, model.Namespace, model.ClientName);
        var root = files.Select(file => file.Model).OfType<ClientTemplateModel>().Single();
        var groups = files.Select(file => file.Model).OfType<GroupTemplateModel>().ToDictionary(group => group.Name);
        var minimal = new MinimalJson(model.Api!, files);

        await using var prism = await PrismServer.StartAsync(path);
        // Prism makes up Location headers with random hosts; following them would leave 127.0.0.1.
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = prism.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var client = Activator.CreateInstance(assembly.GetType($"{root.Namespace}.{root.Name}")!, http, Options(assembly, root))!;

        var called = 0;
        var skipped = 0;
        var prismErrors = 0;
        var withBody = 0;
        var failures = new List<string>();
        foreach (var reference in root.Groups)
        {
            var group = client.GetType().GetProperty(reference.Property)!.GetValue(client)!;
            var operations = model.Api!.Operations.Where(operation => operation.Group == reference.Tag).ToList();
            foreach (var (operation, projected) in operations.Zip(groups[reference.ClassName].Operations))
            {
                if (PrismLimitations.ContainsKey((spec, $"{operation.Method} {operation.Path}")))
                {
                    skipped++;
                    continue;
                }

                var method = group.GetType().GetMethod(projected.MethodName)!;
                var required = new Queue<Model.ApiParameter>(operation.Parameters.Where(parameter => parameter.Required));
                object? body = null;
                if (operation.Body is { Required: true } declared)
                {
                    var bodyType = method.GetParameters()[required.Count].ParameterType;
                    body = declared.Kind is Model.ApiContentKind.Json or Model.ApiContentKind.Form ? ArgumentFactory.Body(declared.Example, bodyType, minimal) : null;
                    if (body is null)
                    {
                        skipped++;
                        continue;
                    }

                    withBody++;
                }

                var arguments = method.GetParameters().Select(parameter =>
                    parameter.ParameterType == typeof(CancellationToken) ? CancellationToken.None
                    : parameter.HasDefaultValue ? parameter.DefaultValue
                    : required.Count > 0 ? ArgumentFactory.Create(required.Dequeue(), parameter.ParameterType, minimal)
                    : body).ToArray();

                called++;
                prism.TakeViolations();
                try
                {
                    var task = (Task)method.Invoke(group, arguments)!;
                    await task;
                    (task.GetType().GetProperty("Result")?.GetValue(task) as IDisposable)?.Dispose();
                }
                catch (ApiException exception) when (IsPrismUnableToAnswer(exception))
                {
                    prismErrors++;
                }
                catch (Exception exception) when (exception is ApiException or HttpRequestException or TaskCanceledException)
                {
                    // Prism logs its verdict on a request just after answering it.
                    await Task.Delay(300);
                    if (exception is ApiException { StatusCode: >= 400 and < 500 and not 422 } && prism.LastRequestPassedValidation)
                    {
                        // The request passed Prism's validation; Prism answered with a declared error because it could not
                        // use the declared success response (Brevo's 202 refers to a schema instead of a response).
                        prismErrors++;
                        continue;
                    }

                    failures.Add($"{operation.Method} {operation.Path}: {exception.Message} Prism: {prism.TakeViolations()}");
                }
            }
        }

        output.WriteLine($"{spec}: {called} operations called ({withBody} with a body from the spec's example or its required properties), {skipped} skipped (a body that is not JSON or form, or a listed Prism limitation), {prismErrors} unanswerable by Prism, {failures.Count} failed");
        foreach (var failure in failures)
        {
            output.WriteLine("  " + failure);
        }

        Assert.True(called > 0, "No operation was called.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {called} calls failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(15))}");
    }

    // Prism accepted the request but could not make up a usable response: its own 500 error (a response without a
    // schema), an empty 2xx body (Swagger 2.0 operations that name no media type), a 3xx that the spec declares as the
    // operation's only response, a format: byte string that is not base64 (its data generator ignores that format), or a
    // 415 for a body of a Swagger 2.0 operation that names no 'consumes' media type.
    private static bool IsPrismUnableToAnswer(ApiException exception) =>
        (exception.StatusCode == 500 && exception.RawBody.Contains("stoplight.io/prism/errors", StringComparison.Ordinal))
        || (exception.StatusCode is >= 200 and < 300 && exception.RawBody.Length == 0)
        || exception.StatusCode is >= 300 and < 400
        || (exception.StatusCode == 415 && exception.RawBody.Contains("No supported content types", StringComparison.Ordinal))
        || exception.Message.Contains("Expected a base64 string", StringComparison.Ordinal);

    private static object Options(Assembly assembly, ClientTemplateModel root)
    {
        var options = Activator.CreateInstance(assembly.GetType($"{root.Namespace}.{root.OptionsName}")!)!;
        foreach (var property in options.GetType().GetProperties().Where(property => typeof(ApiCredential).IsAssignableFrom(property.PropertyType)))
        {
            object credential = property.PropertyType == typeof(ApiKeyCredential) ? new ApiKeyCredential("test-key")
                : property.PropertyType == typeof(BasicCredential) ? new BasicCredential("user", "password")
                : new BearerTokenCredential("test-token");
            property.SetValue(options, credential);
        }

        return options;
    }
}
