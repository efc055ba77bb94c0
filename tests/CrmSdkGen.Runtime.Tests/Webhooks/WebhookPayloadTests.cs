using System.Text;
using System.Text.Json;
using CrmSdkGen.Runtime.Json;
using CrmSdkGen.Runtime.Webhooks;

namespace CrmSdkGen.Runtime.Tests.Webhooks;

/// <summary>The payload readers behind generated webhook handlers: a batch or one split item, handed over in order.</summary>
public sealed class WebhookPayloadTests
{
    private static WebhookEvent Event(string json) => new("crm", "1", Encoding.UTF8.GetBytes(json), DateTimeOffset.UnixEpoch);

    [Fact]
    public void A_batch_reads_as_its_items_and_one_item_as_a_batch_of_one()
    {
        Assert.Equal([1L, 2L, 3L], WebhookPayloads.ReadEach(Encoding.UTF8.GetBytes("[1, 2, 3]"), JsonCodecs.Int64));
        Assert.Equal([7L], WebhookPayloads.ReadEach(Encoding.UTF8.GetBytes(" 7 "), JsonCodecs.Int64));
        Assert.Empty(WebhookPayloads.ReadEach(Encoding.UTF8.GetBytes("[]"), JsonCodecs.Int64));
    }

    [Fact]
    public async Task The_each_handler_hands_every_item_over_in_order_and_stops_at_the_first_failure()
    {
        var seen = new List<long>();
        var handle = WebhookPayloads.EachHandler(JsonCodecs.Int64, (item, _) =>
        {
            seen.Add(item);
            return item == 3 ? throw new InvalidOperationException("three") : Task.CompletedTask;
        });

        await handle(Event("[1, 2]"), default);
        await handle(Event("5"), default);
        await Assert.ThrowsAsync<InvalidOperationException>(() => handle(Event("[3, 4]"), default));

        Assert.Equal([1L, 2L, 5L, 3L], seen);
    }

    [Fact]
    public async Task The_handler_reads_the_whole_payload_and_a_payload_of_another_shape_fails_naming_where()
    {
        var seen = new List<IList<long>>();
        var handle = WebhookPayloads.Handler(new ListCodec<long>(JsonCodecs.Int64), (payload, _) =>
        {
            seen.Add(payload);
            return Task.CompletedTask;
        });

        await handle(Event("[4, 5]"), default);
        var failure = await Assert.ThrowsAnyAsync<JsonException>(() => handle(Event("""[4, "five"]"""), default));

        Assert.Equal([4L, 5L], Assert.Single(seen));
        Assert.Contains("$[1]", failure.Message);
        Assert.ThrowsAny<JsonException>(() => WebhookPayloads.ReadEach(Encoding.UTF8.GetBytes("[1] 2"), JsonCodecs.Int64));
        Assert.ThrowsAny<JsonException>(() => WebhookPayloads.Read(Encoding.UTF8.GetBytes("not json"), JsonCodecs.Int64));
    }

    [Fact]
    public void Handlers_refuse_null_arguments()
    {
        Assert.Throws<ArgumentNullException>(() => WebhookPayloads.Handler<long>(null!, (_, _) => Task.CompletedTask));
        Assert.Throws<ArgumentNullException>(() => WebhookPayloads.EachHandler(JsonCodecs.Int64, null!));
    }
}
