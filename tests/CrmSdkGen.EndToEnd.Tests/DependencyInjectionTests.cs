using Acme.Crm;
using CrmSdkGen.Runtime.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>The generated Add{Client} extension registers a working typed client on IHttpClientFactory.</summary>
public sealed class DependencyInjectionTests(FaultServer server) : IClassFixture<FaultServer>
{
    [Fact]
    public async Task The_registered_client_uses_the_bound_options_the_factory_and_the_container_logging()
    {
        var scenario = server.Scenario("unavailable");
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddProvider(logs));

        var builder = services.AddAcmeCrmClient(options =>
        {
            options.BaseAddress = scenario;
            options.ApiKey = new ApiKeyCredential("di-key");
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });
        using var provider = services.BuildServiceProvider();
        var client = provider.GetRequiredService<AcmeCrmClient>();

        var contact = await client.Contacts.GetByIdAsync("c1");

        Assert.Equal(nameof(AcmeCrmClient), builder.Name);
        Assert.Equal("c1", contact.Id);
        Assert.Equal(3, server.Attempts(scenario));
        Assert.Equal(2, logs.Entries.Count(entry => entry.EventName == "Retrying"));
        Assert.DoesNotContain(logs.Entries, entry => entry.Message.Contains("/c1", StringComparison.Ordinal));
    }
}
