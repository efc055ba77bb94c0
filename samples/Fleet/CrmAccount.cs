using Quickstart;

namespace FleetSample;

/// <summary>One customer account of the multi-account CRM: its API key, its contacts and companies, and its request window.</summary>
public sealed class CrmAccount(string name, string apiKey, RequestWindow window)
{
    public string Name { get; } = name;

    public string ApiKey { get; set; } = apiKey;

    public ContactStore Contacts { get; } = new();

    public ContactStore Companies { get; } = new();

    public RequestWindow Window { get; } = window;

    /// <summary>The collection at /v1/{collection}, or null.</summary>
    public ContactStore? Collection(string collection) => collection switch
    {
        "contacts" => Contacts,
        "companies" => Companies,
        _ => null,
    };
}
