using CrmSdkGen.Kernel;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>
/// OpenAPI 3.1 webhooks and 3.0 callbacks become a handler interface each and a class of payload parsers and dispatcher
/// bridges, their payloads models by the same rules as responses (unknown properties kept).
/// </summary>
public sealed class WebhookGenerationTests
{
    private const string CrmHooks = """
        openapi: 3.1.0
        info: { title: Crm Hooks, version: '1' }
        paths:
          /subscriptions:
            post:
              operationId: subscribe
              requestBody:
                content:
                  application/json:
                    schema: { type: object, properties: { callbackUrl: { type: string } } }
              responses: { '201': { description: Subscribed } }
              callbacks:
                statusChanged:
                  '{$request.body#/callbackUrl}':
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: { type: object, properties: { status: { type: string } } }
                      responses: { '200': { description: Taken } }
                shared: { $ref: '#/components/callbacks/Shared' }
          /exports:
            post:
              operationId: export
              responses: { '202': { description: Started } }
              callbacks:
                statusChanged:
                  '{$request.query.url}':
                    post:
                      requestBody:
                        content:
                          application/json:
                            schema: { type: object, properties: { percent: { type: integer } } }
                      responses: { '200': { description: Taken } }
                shared: { $ref: '#/components/callbacks/Shared' }
        webhooks:
          contactChanged:
            post:
              summary: Contacts changed.
              requestBody:
                description: The batch of events.
                content:
                  application/json:
                    schema: { type: array, items: { $ref: '#/components/schemas/ContactEvent' } }
              responses: { '200': { description: Taken } }
          dealCreated:
            post:
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Deal' }
              responses: { '200': { description: Taken } }
            put:
              requestBody:
                content:
                  application/json:
                    schema: { $ref: '#/components/schemas/Deal' }
              responses: { '200': { description: Taken } }
          formPosted:
            post:
              requestBody:
                content:
                  application/x-www-form-urlencoded:
                    schema: { type: object, properties: { a: { type: string } } }
              responses: { '200': { description: Taken } }
        components:
          callbacks:
            Shared:
              '{$request.body#/callbackUrl}/shared':
                post:
                  requestBody:
                    content:
                      application/json:
                        schema: { type: object, properties: { note: { type: string } } }
                  responses: { '200': { description: Taken } }
          schemas:
            ContactEvent:
              type: object
              required: [eventId, objectId]
              properties:
                eventId: { type: integer, format: int64 }
                objectId: { type: integer, format: int64 }
                subscriptionType: { type: string }
            Deal:
              type: object
              properties:
                name: { type: string }
                amount: { type: number }
        """;

    private static readonly Lazy<Generation.GenerationResult> Hooks = new(() => GeneratedCompilation.GenerateText(CrmHooks));

    [Fact]
    public void A_3_1_webhook_becomes_a_handler_interface_and_a_parser_of_its_payload_model()
    {
        var result = GeneratedCompilation.Generate("features/readme-3.1-webhooks.json");
        var code = GeneratedCompilation.Text(result);

        Assert.Contains("public interface INewPetWebhookHandler", code);
        Assert.Contains("global::System.Threading.Tasks.Task HandleNewPetAsync(global::Test.Api.Models.Pet payload, global::System.Threading.CancellationToken cancellationToken);", code);
        Assert.Contains("public static global::Test.Api.Models.Pet ParseNewPet(global::System.ReadOnlyMemory<byte> utf8Json) =>", code);
        Assert.Contains("NewPetHandler(INewPetWebhookHandler handler)", code);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));

        // The webhook's DELETE has no body: no handler, and an info saying so at the method.
        var info = Assert.Single(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.NoWebhookHandler);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Contains("'newPet' (DELETE) has no body", info.Message);
        Assert.Equal(9, info.Span.StartLine + 1);
    }

    [Fact]
    public void A_3_0_callback_gets_a_handler_and_an_inline_payload_model_named_after_it()
    {
        var result = GeneratedCompilation.Generate("features/readme-3.0-callbacks.json");
        var code = GeneratedCompilation.Text(result);

        Assert.Contains("public interface IOnDataCallbackHandler", code);
        Assert.Contains("Task HandleOnDataAsync(global::Test.Api.Models.OnDataPayload payload,", code);
        Assert.Contains("public partial class OnDataPayload : global::CrmSdkGen.Runtime.Json.ApiModel", code);
        Assert.Contains("Sent to the URL \"{$request.query.callbackUrl}/data\" with POST.", code);
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void Handlers_are_named_by_their_keys_qualified_only_where_two_would_share_a_name()
    {
        var code = GeneratedCompilation.Text(Hooks.Value);

        // Two operations each have a callback named statusChanged, with different payloads: the operation qualifies them.
        Assert.Contains("public interface ISubscribeStatusChangedCallbackHandler", code);
        Assert.Contains("public interface IExportStatusChangedCallbackHandler", code);
        // One callback referred to from both operations is one handler, named by its key alone.
        Assert.Single(Hooks.Value.Files, file => file.Content.Contains("public interface ISharedCallbackHandler", StringComparison.Ordinal));
        Assert.DoesNotContain("SubscribeShared", code);
        // A webhook sent with two methods gets one handler per method.
        Assert.Contains("public interface IDealCreatedPOSTWebhookHandler", code);
        Assert.Contains("public interface IDealCreatedPUTWebhookHandler", code);
        Assert.Contains("public static partial class TestClientWebhooks", code);
    }

    [Fact]
    public void A_webhook_whose_body_is_not_JSON_gets_an_info_located_at_its_method_and_no_handler()
    {
        var info = Assert.Single(Hooks.Value.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.NoWebhookHandler);

        Assert.Contains("'formPosted' (POST) sends 'application/x-www-form-urlencoded' bodies, not JSON", info.Message);
        Assert.Equal(Severity.Info, info.Severity);
        Assert.Equal(CrmHooks.Split('\n').ToList().FindIndex(line => line.Contains("formPosted", StringComparison.Ordinal)) + 1, info.Span.StartLine);
        Assert.DoesNotContain("FormPosted", GeneratedCompilation.Text(Hooks.Value));
    }

    [Fact]
    public void Broken_webhooks_and_callbacks_are_left_out_with_located_warnings_and_the_others_generate()
    {
        const string spec = """
            openapi: 3.1.0
            info: { title: Bad, version: '1' }
            paths:
              /s:
                post:
                  responses: { '200': { description: ok } }
                  callbacks:
                    missing: { $ref: '#/components/callbacks/Missing' }
                    listy: [1, 2]
            webhooks:
              a: [1, 2]
              b: { $ref: '#/components/pathItems/Missing' }
              c: { post: { requestBody: { content: { application/json: [1] } }, responses: { '200': { description: ok } } } }
              self: { post: { requestBody: { content: { application/json: { schema: { $ref: '#/components/schemas/Loop' } } } } } }
              ok: { post: { requestBody: { content: { application/json: { schema: { type: object, properties: { id: { type: string } } } } } } } }
            components:
              schemas:
                Loop: { $ref: '#/components/schemas/Loop' }
            """;

        var result = GeneratedCompilation.GenerateText(spec);

        Assert.DoesNotContain(result.Diagnostics, diagnostic => diagnostic.Id == DiagnosticIds.InternalError);
        var unreadable = result.Diagnostics.Where(diagnostic => diagnostic.Id == DiagnosticIds.UnreadableNode).ToList();
        Assert.Contains(unreadable, diagnostic => diagnostic.Message.Contains("webhook 'a'", StringComparison.Ordinal) && diagnostic.Span.StartLine == 10);
        Assert.Contains(unreadable, diagnostic => diagnostic.Message.Contains("webhook 'c' (POST)", StringComparison.Ordinal) && diagnostic.Span.StartLine == 12);
        Assert.Contains(unreadable, diagnostic => diagnostic.Message.Contains("callback 'listy'", StringComparison.Ordinal) && diagnostic.Span.StartLine == 8);
        Assert.Contains("public interface IOkWebhookHandler", GeneratedCompilation.Text(result));
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(result)));
    }

    [Fact]
    public void A_spec_without_webhooks_or_callbacks_gets_no_webhook_files()
    {
        var result = GeneratedCompilation.GenerateText(TestSpecs.Operations);

        Assert.DoesNotContain(result.Files, file => file.HintName.Contains("Webhook", StringComparison.Ordinal));
    }

    [Fact]
    public void Stored_events_reach_typed_handlers_with_batches_split_unknown_properties_kept_and_bad_payloads_refused()
    {
        const string probe = """"
            using System.Text;
            using CrmSdkGen.Runtime.Webhooks;
            using Test.Api;
            using Test.Api.Models;

            internal sealed class Contacts : IContactChangedWebhookHandler
            {
                public readonly StringBuilder Seen = new();
                public System.Threading.Tasks.Task HandleContactChangedAsync(ContactEvent payload, System.Threading.CancellationToken cancellationToken)
                {
                    Seen.Append(payload.EventId).Append(':').Append(payload.ObjectId).Append(':').Append(payload.SubscriptionType ?? "-");
                    Seen.Append(payload.AdditionalProperties.TryGetValue("portalId", out var portal) ? ":portal=" + portal.GetRawText() : "").Append(';');
                    return System.Threading.Tasks.Task.CompletedTask;
                }
            }

            internal sealed class Deals : IDealCreatedPOSTWebhookHandler
            {
                public string Name = "";
                public System.Threading.Tasks.Task HandleDealCreatedPOSTAsync(Deal payload, System.Threading.CancellationToken cancellationToken)
                {
                    Name = payload.Name + "/" + payload.Amount + "/" + payload.AdditionalProperties.Count;
                    return System.Threading.Tasks.Task.CompletedTask;
                }
            }

            /// <summary>Hands stored events to the generated bridges and parsers.</summary>
            public static class Probe
            {
                private static WebhookEvent Event(string json) => new("crm", "1", Encoding.UTF8.GetBytes(json), System.DateTimeOffset.UnixEpoch);

                /// <summary>What the handlers saw, the parsed batch's size and the refusal of a bad payload.</summary>
                public static string Run()
                {
                    var contacts = new Contacts();
                    var handle = TestClientWebhooks.ContactChangedHandler(contacts);
                    handle(Event("""[{"eventId":1,"objectId":10,"subscriptionType":"contact.creation","portalId":42},{"eventId":2,"objectId":11}]"""), default).GetAwaiter().GetResult();
                    handle(Event("""{"eventId":3,"objectId":12}"""), default).GetAwaiter().GetResult();
                    var deals = new Deals();
                    TestClientWebhooks.DealCreatedPOSTHandler(deals)(Event("""{"name":"Big","amount":12.5,"stage":"won"}"""), default).GetAwaiter().GetResult();
                    var parsed = TestClientWebhooks.ParseContactChanged(Encoding.UTF8.GetBytes("""[{"eventId":4,"objectId":13},{"eventId":5,"objectId":14}]"""));
                    string refused;
                    try
                    {
                        TestClientWebhooks.ParseContactChanged(Encoding.UTF8.GetBytes("""[{"eventId":6,"objectId":"x"}]"""));
                        refused = "accepted";
                    }
                    catch (System.Text.Json.JsonException failure)
                    {
                        refused = failure.Message;
                    }

                    return contacts.Seen + "|" + deals.Name + "|" + parsed.Count + "|" + refused;
                }
            }
            """";

        var output = GeneratedCompilation.Run(Hooks.Value, probe).Split('|');

        Assert.Equal("1:10:contact.creation:portal=42;2:11:-;3:12:-;", output[0]);
        Assert.Equal("Big/12.5/1", output[1]);
        Assert.Equal("2", output[2]);
        Assert.Contains("$[0].objectId", output[3]);
    }

    [Fact]
    public void The_generated_webhook_code_compiles_without_warnings()
    {
        Assert.Empty(GeneratedCompilation.Problems(GeneratedCompilation.Compile(Hooks.Value)));
    }
}
