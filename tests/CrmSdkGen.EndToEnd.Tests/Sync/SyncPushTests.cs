using System.Text.Json;
using System.Text.Json.Nodes;
using Acme.Crm;
using Acme.Crm.Models;
using CrmSdkGen.Runtime.Sync;

namespace CrmSdkGen.EndToEnd.Tests.Sync;

/// <summary>Local changes reach the CRM from the outbox; records changed on both sides are resolved by the chosen policy.</summary>
public sealed class SyncPushTests
{
    [Fact]
    public async Task Local_creates_updates_and_deletes_reach_the_CRM_and_the_store_takes_the_CRM_keys()
    {
        await using var harness = await SyncHarness.StartAsync();
        var ids = harness.Seed(3);
        var engine = harness.Engine();
        await engine.SyncAsync();

        var localKey = await engine.CreateLocalAsync(new ContactInput { Email = "new@example.com", FirstName = "New" });
        var edited = (await engine.GetLocalAsync<Contact>(ids[0]))!;
        edited.Phone = "+1 555 0100";
        await engine.SaveLocalAsync(ids[0], edited);
        await engine.DeleteLocalAsync(ids[1]);
        Assert.Equal(3, (await harness.Store.GetPendingAsync()).Count);

        var result = await engine.SyncAsync();

        Assert.Equal((1, 1, 1), (result.PushedCreates, result.PushedUpdates, result.PushedDeletes));
        Assert.Empty(await harness.Store.GetPendingAsync());
        Assert.Null(await harness.Store.GetAsync(localKey));
        Assert.Equal("+1 555 0100", (string?)harness.Server.Find(ids[0])!["phone"]);
        Assert.Null(harness.Server.Find(ids[1]));
        Assert.Single(harness.Server.Contacts.Snapshot().Values, contact => (string?)contact["email"] == "new@example.com");
        Assert.Contains("POST /v1/contacts/batch/update", harness.Server.RequestLog);
        await harness.AssertStoreEqualsServer();
        Assert.Equal(0, (await engine.SyncAsync()).Updated);
    }

    [Fact]
    public async Task A_create_repeated_after_a_lost_answer_is_applied_once_through_its_idempotency_key()
    {
        await using var harness = await SyncHarness.StartAsync();
        var engine = harness.Engine();
        await engine.CreateLocalAsync(SyncHarness.Json("""{"email":"once@example.com"}"""));
        var pending = Assert.Single(await harness.Store.GetPendingAsync());

        // The CRM created it, but the process died before the store recorded the answer.
        var adapter = new ContactsSyncAdapter(harness.Client);
        await adapter.CreateAsync(new SyncCreate(pending.Local!.Value, "create-" + pending.Key), CancellationToken.None);
        await engine.SyncAsync();

        Assert.Single(harness.Server.Contacts.Snapshot());
        await harness.AssertStoreEqualsServer();
    }

    public static TheoryData<ConflictPolicy> Policies => new() { ConflictPolicy.FieldMerge, ConflictPolicy.RemoteWins, ConflictPolicy.LocalWins, ConflictPolicy.Custom };

    [Theory]
    [MemberData(nameof(Policies))]
    public async Task A_record_changed_on_both_sides_is_resolved_by_the_policy(ConflictPolicy policy)
    {
        await using var harness = await SyncHarness.StartAsync();
        var id = harness.Seed(1)[0];
        harness.Server.Contacts.Update(id, new JsonObject { ["lastName"] = "Base", ["lifecycleStage"] = "lead" });
        var options = new SyncOptions
        {
            Conflicts = policy,
            Resolver = conflict =>
            {
                // Keep what a field merge keeps, but the local stage.
                var kept = JsonNode.Parse(conflict.Resolved!.Value.GetRawText())!;
                kept["lifecycleStage"] = conflict.Local!.Value.GetProperty("lifecycleStage").GetString();
                return JsonDocument.Parse(kept.ToJsonString()).RootElement.Clone();
            },
        };
        var engine = harness.Engine(options);
        await engine.SyncAsync();

        var local = (await engine.GetLocalAsync<Contact>(id))!;
        local.FirstName = "Local";
        local.LifecycleStage = "customer";
        await engine.SaveLocalAsync(id, local);
        harness.Server.Contacts.Update(id, new JsonObject { ["lastName"] = "Remote", ["lifecycleStage"] = "opportunity" });

        var result = await engine.SyncAsync();

        var conflict = Assert.Single(result.Conflicts);
        Assert.Equal(new[] { "/lifecycleStage" }, conflict.Fields);
        var server = harness.Server.Find(id)!;
        var expected = policy switch
        {
            ConflictPolicy.FieldMerge => ("Local", "Remote", "opportunity"),
            ConflictPolicy.RemoteWins => ("seed 0", "Remote", "opportunity"),
            ConflictPolicy.LocalWins => ("Local", "Base", "customer"),
            _ => ("Local", "Remote", "customer"),
        };
        Assert.Equal(expected, ((string?)server["firstName"], (string?)server["lastName"], (string?)server["lifecycleStage"]));
        Assert.Empty(await harness.Store.GetPendingAsync());
        await harness.AssertStoreEqualsServer();
    }

    [Theory]
    [InlineData(ConflictPolicy.FieldMerge, true)]
    [InlineData(ConflictPolicy.RemoteWins, true)]
    [InlineData(ConflictPolicy.LocalWins, false)]
    public async Task A_record_deleted_locally_but_changed_in_the_CRM_comes_back_unless_local_wins(ConflictPolicy policy, bool comesBack)
    {
        await using var harness = await SyncHarness.StartAsync();
        var id = harness.Seed(1)[0];
        var engine = harness.Engine(new SyncOptions { Conflicts = policy });
        await engine.SyncAsync();
        await engine.DeleteLocalAsync(id);
        harness.Server.Contacts.Update(id, new JsonObject { ["phone"] = "+33 1" });

        var result = await engine.SyncAsync();

        Assert.Single(result.Conflicts);
        Assert.Equal(comesBack, harness.Server.Find(id) is not null);
        await harness.AssertStoreEqualsServer();
    }

    [Theory]
    [InlineData(ConflictPolicy.FieldMerge, 0)]
    [InlineData(ConflictPolicy.LocalWins, 1)]
    public async Task A_record_changed_locally_but_deleted_in_the_CRM_stays_deleted_unless_local_wins(ConflictPolicy policy, int recreated)
    {
        await using var harness = await SyncHarness.StartAsync();
        var id = harness.Seed(1)[0];
        var engine = harness.Engine(new SyncOptions { Conflicts = policy });
        await engine.SyncAsync();
        var local = (await engine.GetLocalAsync<Contact>(id))!;
        local.Phone = "+49 30";
        await engine.SaveLocalAsync(id, local);
        harness.Server.Contacts.Archive(id);

        var result = await engine.SyncAsync();

        Assert.Single(result.Conflicts);
        Assert.Equal(recreated, result.PushedCreates);
        Assert.Equal(recreated, harness.Server.Contacts.Snapshot().Count);
        await harness.AssertStoreEqualsServer();
    }

    [Fact]
    public async Task With_entity_tags_a_push_that_meets_a_newer_version_is_resolved_and_sent_again_with_the_new_tag()
    {
        await using var harness = await SyncHarness.StartAsync();
        harness.Server.Contacts.EntityTags = true;
        var id = harness.Seed(1)[0];
        var engine = new SyncEngine(new DeltaContactsAdapter(harness.Http, SyncHarness.ApiKey), harness.Store);
        await engine.PullAsync();
        var local = JsonNode.Parse((await harness.Store.GetAsync(id))!.Local!.Value.GetRawText())!;
        local["firstName"] = "Local";
        await engine.SaveLocalAsync(id, JsonDocument.Parse(local.ToJsonString()).RootElement);
        harness.Server.Contacts.Update(id, new JsonObject { ["lastName"] = "Remote" });

        // No pull first: only the entity tag can reveal the CRM's change.
        var result = await engine.PushAsync();

        Assert.Single(result.Conflicts);
        Assert.Equal(1, result.PushedUpdates);
        Assert.Equal(("Local", "Remote"), ((string?)harness.Server.Find(id)!["firstName"], (string?)harness.Server.Find(id)!["lastName"]));
        await harness.AssertStoreEqualsServer();
    }

    [Fact]
    public async Task Updates_go_in_batches_of_the_adapter_batch_size()
    {
        await using var harness = await SyncHarness.StartAsync();
        var ids = harness.Seed(7);
        var adapter = new CountingBatches(harness.Client);
        var engine = new SyncEngine(adapter, harness.Store);
        await engine.SyncAsync();
        foreach (var id in ids)
        {
            var local = (await engine.GetLocalAsync<Contact>(id))!;
            local.LastName = "Batch";
            await engine.SaveLocalAsync(id, local);
        }

        var result = await engine.SyncAsync();

        // The spec's POST /contacts/batch/update carries them; the server answers in reverse order.
        Assert.Equal(new[] { 3, 3, 1 }, adapter.Batches);
        Assert.Equal(3, harness.Server.RequestLog.Count(line => line == "POST /v1/contacts/batch/update"));
        Assert.DoesNotContain(harness.Server.RequestLog, line => line.StartsWith("PATCH ", StringComparison.Ordinal));
        Assert.Equal(7, result.PushedUpdates);
        Assert.All(harness.Server.Contacts.Snapshot().Values, contact => Assert.Equal("Batch", (string?)contact["lastName"]));
        await harness.AssertStoreEqualsServer();
    }

    [Fact]
    public async Task With_a_batch_size_of_1_each_update_is_its_own_PATCH()
    {
        await using var harness = await SyncHarness.StartAsync();
        var ids = harness.Seed(2);
        var engine = harness.Engine(configure: options => options.BatchSize = 1);
        await engine.SyncAsync();
        foreach (var id in ids)
        {
            var local = (await engine.GetLocalAsync<Contact>(id))!;
            local.FirstName = "Single";
            await engine.SaveLocalAsync(id, local);
        }

        Assert.Equal(2, (await engine.SyncAsync()).PushedUpdates);

        Assert.All(ids, id => Assert.Contains($"PATCH /v1/contacts/{id}", harness.Server.RequestLog));
        Assert.DoesNotContain("POST /v1/contacts/batch/update", harness.Server.RequestLog);
        await harness.AssertStoreEqualsServer();
    }

    /// <summary>The generated adapter (which batches through the spec's batch endpoint) with a batch size of 3, recording the batches the engine forms.</summary>
    private sealed class CountingBatches(AcmeCrmClient client) : ContactsSyncAdapter(client, options => options.BatchSize = 3)
    {
        public List<int> Batches { get; } = new();

        public override Task<IReadOnlyList<SyncBatchOutcome>> UpdateBatchAsync(IReadOnlyList<SyncUpdate> updates, CancellationToken cancellationToken)
        {
            Batches.Add(updates.Count);
            return base.UpdateBatchAsync(updates, cancellationToken);
        }
    }
}
