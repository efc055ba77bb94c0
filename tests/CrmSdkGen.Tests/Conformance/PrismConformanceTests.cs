using System.Reflection;
using CrmSdkGen.CSharp;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;
using CrmSdkGen.Tests.Support;
using Xunit.Abstractions;

namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// Each CRM spec's generated client against Prism serving that spec: every operation is called, those with a required
/// JSON or form body with the spec's example (or the body's required properties); Prism must accept the request (no
/// 422) and the generated code must read every 2xx response. The spec's <see cref="Testing.Fakes.FakeApi"/> judges each
/// of these requests, and probes that break the spec, as Prism does.
/// </summary>
public sealed class PrismConformanceTests(ITestOutputHelper output)
{
    // Calls Prism itself cannot judge, each with the reason, which are not made; the calls it accepts but cannot answer
    // usefully are excused only as PrismExcusedCalls lists them; everything else must pass.
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
        var root = files.Where(file => file.Template == "Client").Select(file => file.Model).OfType<ClientTemplateModel>().Single();
        var groups = files.Where(file => file.Template == "Group").Select(file => file.Model).OfType<GroupTemplateModel>().ToDictionary(group => group.Name);
        var minimal = new MinimalJson(model.Api!, files);

        await using var prism = await PrismServer.StartAsync(path);
        // Prism makes up Location headers with random hosts; following them would leave 127.0.0.1.
        var judges = new VerdictComparingHandler(prism, Testing.Fakes.FakeApi.Load(path)) { InnerHandler = new HttpClientHandler { AllowAutoRedirect = false } };
        using var http = new HttpClient(judges) { BaseAddress = prism.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var client = Activator.CreateInstance(assembly.GetType($"{root.Namespace}.{root.Name}")!, http, Options(assembly, root))!;

        var called = 0;
        var skipped = 0;
        var prismErrors = 0;
        var withBody = 0;
        var failures = new List<string>();
        var excused = new List<string>();
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
                var before = prism.RequestsReceived;
                try
                {
                    var task = (Task)method.Invoke(group, arguments)!;
                    await task;
                    (task.GetType().GetProperty("Result")?.GetValue(task) as IDisposable)?.Dispose();
                }
                catch (Exception exception) when (exception is ApiException or HttpRequestException or TaskCanceledException)
                {
                    var call = $"{operation.Method} {operation.Path}";
                    var reason = exception is ApiException answered ? UnanswerableBecause(answered) : null;
                    if (reason is null && exception is ApiException { StatusCode: >= 400 and < 500 and not 422 } && await prism.PassedValidationAsync(before))
                    {
                        reason = PrismExcusedCalls.DeclaredError;
                    }

                    if (reason is not null && PrismExcusedCalls.Calls.TryGetValue((spec, call), out var listed) && listed == reason)
                    {
                        prismErrors++;
                        excused.Add(call);
                        continue;
                    }

                    failures.Add($"{call}: {exception.Message}{(reason is null ? string.Empty : $" (not a listed excuse: {reason})")} Prism: {prism.TakeViolations()}");
                }
            }
        }

        foreach (var probe in VerdictProbes.For(model.Api!))
        {
            using (probe)
            {
                (await http.SendAsync(probe)).Dispose();
            }
        }

        var keys = model.Api!.Operations.GroupBy(operation => operation.OperationId ?? operation.Key).ToDictionary(group => group.Key, group => group.First().Key);
        var disagreements = judges.Disagreements
            .Where(disagreement => disagreement.OperationId is null || !keys.TryGetValue(disagreement.OperationId, out var key) || FakeVerdictExceptions.Reason(spec, key) is null)
            .Select(disagreement => disagreement.Text)
            .ToList();
        output.WriteLine($"{spec}: Prism and the fake judged {judges.Compared} requests, the fake refused {judges.Refused}; they disagree on {disagreements.Count}");
        foreach (var disagreement in disagreements)
        {
            output.WriteLine("  " + disagreement);
        }

        output.WriteLine($"{spec}: {called} operations called ({withBody} with a body from the spec's example or its required properties), {skipped} skipped (a body that is not JSON or form, or a listed Prism limitation), {prismErrors} unanswerable by Prism, {failures.Count} failed");
        foreach (var failure in failures)
        {
            output.WriteLine("  " + failure);
        }

        output.WriteLine("  excused: " + string.Join(", ", excused));

        Assert.True(called > 0, "No operation was called.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {called} calls failed:{Environment.NewLine}{string.Join(Environment.NewLine, failures.Take(15))}");
        Assert.True(judges.Refused > 0, "No request was refused by the fake: the probes broke nothing.");
        Assert.True(disagreements.Count == 0, $"Prism and the fake judge {disagreements.Count} requests differently:{Environment.NewLine}{string.Join(Environment.NewLine, disagreements.Take(15))}");
    }

    // Why Prism, having accepted the request, could not answer it usefully; null when it could.
    private static string? UnanswerableBecause(ApiException exception) => exception switch
    {
        { StatusCode: 500 } when exception.RawBody.Contains("stoplight.io/prism/errors", StringComparison.Ordinal) => PrismExcusedCalls.NoSchema,
        { StatusCode: >= 200 and < 300 } when exception.RawBody.Length == 0 => PrismExcusedCalls.EmptyBody,
        { StatusCode: >= 300 and < 400 } => PrismExcusedCalls.Redirect,
        { StatusCode: 415 } when exception.RawBody.Contains("No supported content types", StringComparison.Ordinal) => PrismExcusedCalls.NoConsumes,
        _ when exception.Message.Contains("Expected a base64 string", StringComparison.Ordinal) => PrismExcusedCalls.NotBase64,
        _ => null,
    };

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
