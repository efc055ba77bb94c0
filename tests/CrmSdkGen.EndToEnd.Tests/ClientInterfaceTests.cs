using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Http;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using NSubstitute.ExceptionExtensions;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>
/// Every generated client has an interface: Add{Client} registers the root interface and each tag's interface as the
/// same working client, and code written against the interfaces is tested with a mock instead of a CRM.
/// </summary>
public sealed class ClientInterfaceTests(FaultServer server) : IClassFixture<FaultServer>
{
    /// <summary>Code of the kind users write: it takes the tag client's interface.</summary>
    private sealed class Greeter(IContactsClient contacts)
    {
        public async Task<string> GreetAsync(string id)
        {
            try
            {
                var contact = await contacts.GetByIdAsync(id);
                return "Hello " + (contact.FirstName ?? contact.Email);
            }
            catch (ApiException missing) when (missing.StatusCode == 404)
            {
                return "Nobody";
            }
        }
    }

    [Fact]
    public async Task The_interfaces_from_the_container_are_the_working_client()
    {
        var scenario = server.Scenario("unavailable");
        var services = new ServiceCollection();
        services.AddAcmeCrmClient(options =>
        {
            options.BaseAddress = scenario;
            options.ApiKey = new ApiKeyCredential("di-key");
            options.Retry.BaseDelay = TimeSpan.FromMilliseconds(10);
        });
        services.AddTransient<Greeter>();
        using var provider = services.BuildServiceProvider();

        var root = provider.GetRequiredService<IAcmeCrmClient>();
        var contacts = provider.GetRequiredService<IContactsClient>();

        Assert.IsType<AcmeCrmClient>(root);
        Assert.IsType<ContactsClient>(contacts);
        Assert.IsType<ContactsClient>(root.Contacts);
        Assert.Equal("c1", (await contacts.GetByIdAsync("c1")).Id);
        Assert.StartsWith("Hello ", await provider.GetRequiredService<Greeter>().GreetAsync("c1"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Code_that_takes_the_interface_is_tested_with_a_mock()
    {
        var contacts = Substitute.For<IContactsClient>();
        contacts.GetByIdAsync("c1").Returns(new Contact { Id = "c1", Email = "ada@example.com", FirstName = "Ada" });
        contacts.GetByIdAsync("gone").ThrowsAsync(new ApiException(404, "Not Found", HttpMethod.Get, "/contacts/{contactId}", new Dictionary<string, IReadOnlyList<string>>(), """{"message":"no such contact"}"""));

        var greeter = new Greeter(contacts);

        Assert.Equal("Hello Ada", await greeter.GreetAsync("c1"));
        Assert.Equal("Nobody", await greeter.GreetAsync("gone"));
        await contacts.Received(1).GetByIdAsync("c1");
    }

    [Fact]
    public void Every_public_method_of_a_tag_client_is_on_its_interface()
    {
        // The calls the spec gives (this project's own part of the class adds hook members of its own).
        var declared = typeof(ContactsClient).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.DeclaredOnly)
            .Where(method => method.Name.EndsWith("Async", StringComparison.Ordinal))
            .Select(method => method.ToString()).Order(StringComparer.Ordinal).ToList();
        var onInterface = typeof(IContactsClient).GetMethods().Select(method => method.ToString()).Order(StringComparer.Ordinal).ToList();

        Assert.Contains(onInterface, method => method!.Contains("WithResponseAsync", StringComparison.Ordinal));
        Assert.Contains(onInterface, method => method!.Contains("AllAsync", StringComparison.Ordinal));
        Assert.Equal(declared, onInterface);
    }
}
