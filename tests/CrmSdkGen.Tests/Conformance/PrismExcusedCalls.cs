namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// The calls Prism accepts but cannot answer usefully, each listed with its reason: the conformance test excuses exactly
/// these, and a call that needs an excuse without being listed here (or for another reason) fails it.
/// </summary>
internal static class PrismExcusedCalls
{
    /// <summary>Prism's own 500: the declared response has no schema to make data from.</summary>
    public const string NoSchema = "Prism cannot make up a response: the declared response has no schema";

    /// <summary>An empty 2xx body: a Swagger 2.0 operation that names no 'produces' media type.</summary>
    public const string EmptyBody = "Swagger 2.0 operation without 'produces': Prism answers 200 with an empty body";

    /// <summary>A 3xx the spec declares as the only response; the client does not follow Prism's made-up Location.</summary>
    public const string Redirect = "the only declared response is a redirect to a made-up Location";

    /// <summary>A 415 for the body of a Swagger 2.0 operation that names no 'consumes' media type.</summary>
    public const string NoConsumes = "Swagger 2.0 operation without 'consumes': Prism refuses every body with 415";

    /// <summary>A format: byte string Prism's data generator made up without base64.</summary>
    public const string NotBase64 = "Prism makes up format: byte strings that are not base64";

    /// <summary>The request passed Prism's validation, and Prism answered a declared error instead of the declared success.</summary>
    public const string DeclaredError = "the declared success response refers to a schema instead of a response, so Prism answers a declared error";

    public static IReadOnlyDictionary<(string Spec, string Call), string> Calls { get; } = new Dictionary<(string Spec, string Call), string>
    {
        [("crm/intercom-2.16.yaml", "GET /calls/{call_id}/recording")] = Redirect,
        [("crm/keap-v2.yaml", "GET /rest/v2/products/{product_id}/images/legacyImageData")] = NotBase64,
        [("crm/keap-v2.yaml", "GET /rest/v2/files/{file_id}:data")] = NotBase64,
        [("crm/brevo-v3-swagger2.yaml", "POST /orders/status/batch")] = DeclaredError,
        [("crm/brevo-v3-swagger2.yaml", "PUT /feeds/{uuid}")] = NoSchema,
        [("crm/brevo-v3-swagger2.yaml", "DELETE /feeds/{uuid}")] = NoSchema,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Accounts/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "DELETE /api/v100/rest/spaces/{space_id}/entities/Accounts/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "PATCH /api/v100/rest/spaces/{space_id}/entities/Accounts/{id}")] = NoConsumes,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Accounts")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "POST /api/v100/rest/spaces/{space_id}/entities/Accounts")] = NoConsumes,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Clients")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/AccountTypes")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/SalesUnits")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Fields")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Contacts")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "POST /api/v100/rest/spaces/{space_id}/entities/Contacts")] = NoConsumes,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Contacts/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "DELETE /api/v100/rest/spaces/{space_id}/entities/Contacts/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "PATCH /api/v100/rest/spaces/{space_id}/entities/Contacts/{id}")] = NoConsumes,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/ContactTypes")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Leads")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "POST /api/v100/rest/spaces/{space_id}/entities/Leads")] = NoConsumes,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Leads/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "DELETE /api/v100/rest/spaces/{space_id}/entities/Leads/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "PATCH /api/v100/rest/spaces/{space_id}/entities/Leads/{id}")] = NoConsumes,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/LeadTypes")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/LeadTypes/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Tasks")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "POST /api/v100/rest/spaces/{space_id}/entities/Tasks")] = NoConsumes,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Tasks/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "DELETE /api/v100/rest/spaces/{space_id}/entities/Tasks/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "PATCH /api/v100/rest/spaces/{space_id}/entities/Tasks/{id}")] = NoConsumes,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/TaskTypes")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Opportunities")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "POST /api/v100/rest/spaces/{space_id}/entities/Opportunities")] = NoConsumes,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Opportunities/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "DELETE /api/v100/rest/spaces/{space_id}/entities/Opportunities/{id}")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "PATCH /api/v100/rest/spaces/{space_id}/entities/Opportunities/{id}")] = NoConsumes,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Currencies")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/OpportunityTypes")] = EmptyBody,
        [("crm/pipeliner-crm-swagger2.json", "GET /api/v100/rest/spaces/{space_id}/entities/Steps")] = EmptyBody,
    };
}
