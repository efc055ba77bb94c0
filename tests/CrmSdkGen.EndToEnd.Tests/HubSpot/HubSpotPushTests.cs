using System.Text.Json.Nodes;
using Acme.Objects;
using Acme.Objects.Models;
using CrmSdkGen.Runtime.Auth;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.EndToEnd.Tests.HubSpot;

/// <summary>
/// Pushes to a HubSpot-shaped CRM: a batch answered 207 or refused for one record is matched record by record, bodies
/// carry a Content-Length, and a credential the operation does not accept fails before anything is sent.
/// </summary>
public sealed class HubSpotPushTests
{
    [Fact]
    public async Task A_partial_batch_applies_the_others_and_a_refused_record_never_blocks_them()
    {
        await using var harness = await HubSpotSyncHarness.StartAsync();
        var ids = harness.Seed(8).Select(id => id.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var engine = harness.Engine();
        await engine.SyncAsync();
        foreach (var id in ids.Take(6))
        {
            var contact = (await engine.GetLocalAsync<SimplePublicObjectWithAssociations>(id))!;
            contact.Properties["phone"] = id == ids[1] ? HubSpotShapedServer.Invalid : "+1 555 " + id;
            await engine.SaveLocalAsync(id, contact);
        }

        // Gone from the CRM after the pull: the batch answers 207 with it in "errors".
        harness.Server.Contacts.Archive(long.Parse(ids[2], System.Globalization.CultureInfo.InvariantCulture));
        harness.Server.ResetCounts();

        var result = await engine.PushAsync();

        Assert.Equal(4, result.PushedUpdates);
        var failure = Assert.Single(result.Failures);
        Assert.Equal(ids[1], failure.Key);
        Assert.Equal(400, failure.Status);
        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(ids[2], conflict.Key);
        Assert.Null(conflict.Remote);
        foreach (var id in new[] { ids[0], ids[3], ids[4], ids[5] })
        {
            Assert.Equal("+1 555 " + id, (string?)harness.Server.Contacts.Get(long.Parse(id, System.Globalization.CultureInfo.InvariantCulture))!["properties"]!["phone"]);
        }

        var outbox = await harness.Store.GetPendingAsync();
        Assert.Equal(new[] { ids[1] }, outbox.Select(row => row.Key));
        Assert.Null(await harness.Store.GetAsync(ids[2]));

        // The next push sends the refused record again, and only it.
        harness.Server.ResetCounts();
        var again = await engine.PushAsync();
        Assert.Equal(0, again.PushedUpdates);
        Assert.Equal(ids[1], Assert.Single(again.Failures).Key);
        Assert.Equal(1, harness.Server.Count("POST contacts/batch/update"));
    }

    [Fact]
    public async Task Creates_and_updates_reach_a_CRM_that_refuses_chunked_bodies()
    {
        await using var harness = await HubSpotSyncHarness.StartAsync();
        var id = harness.Seed(1)[0].ToString(System.Globalization.CultureInfo.InvariantCulture);
        var engine = harness.Engine(options => options.BatchSize = 1);
        await engine.SyncAsync();
        var contact = (await engine.GetLocalAsync<SimplePublicObjectWithAssociations>(id))!;
        contact.Properties["city"] = "Lyon";
        await engine.SaveLocalAsync(id, contact);
        await engine.CreateLocalAsync(System.Text.Json.JsonDocument.Parse("""{"properties":{"email":"new@example.com"}}""").RootElement);

        var result = await engine.SyncAsync();

        Assert.Equal(1, result.PushedCreates);
        Assert.Equal(1, result.PushedUpdates);
        Assert.Empty(result.Failures);
        Assert.Equal(1, harness.Server.Count("PATCH contacts/id"));
        Assert.Equal(1, harness.Server.Count("POST contacts"));
        Assert.Contains(harness.Server.Contacts.Snapshot().Values, record => (string?)record["properties"]!["email"] == "new@example.com");
        await harness.AssertStoreEqualsServer();
    }

    [Fact]
    public async Task A_credential_the_operation_does_not_accept_fails_before_sending_and_names_the_schemes_it_does()
    {
        await using var server = await HubSpotShapedServer.StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        var client = new ObjectsClient(http, new ObjectsClientOptions { PrivateApps = new ApiKeyCredential(server.Token) });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => client.Contacts.GetPageAsync());

        Assert.Contains("'oauth2' (a bearer token)", error.Message, StringComparison.Ordinal);
        Assert.Contains("'private_apps'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Token, error.Message, StringComparison.Ordinal);
        Assert.Empty(server.Requests);

        var page = await new ObjectsClient(http, new ObjectsClientOptions { Oauth2 = new BearerTokenCredential(server.Token) }).Contacts.GetPageAsync();
        Assert.NotNull(page.Results);
    }
}
