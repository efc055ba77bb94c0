using Quickstart;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>One contacts server on 127.0.0.1 for the end-to-end tests of a class.</summary>
public sealed class ContactsServerFixture : IAsyncLifetime
{
    public const string ApiKey = "e2e-secret-key";

    public ContactsServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await ContactsServer.StartAsync(ApiKey);

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
