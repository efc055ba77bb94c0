namespace Acme.Crm;

/// <summary>The test project's part of the generated ContactsClient: its request and response hooks.</summary>
public sealed partial class ContactsClient
{
    /// <summary>Whether requests carry their operation in X-Trace and responses are recorded in <see cref="Responses"/>.</summary>
    public bool TraceOperations { get; set; }

    /// <summary>"Operation status" for each response seen while <see cref="TraceOperations"/> is on.</summary>
    public List<string> Responses { get; } = new();

    partial void PrepareRequest(string operation, HttpRequestMessage request)
    {
        if (TraceOperations)
        {
            request.Headers.Add("X-Trace", operation);
        }
    }

    partial void ProcessResponse(string operation, HttpResponseMessage response)
    {
        if (TraceOperations)
        {
            lock (Responses)
            {
                Responses.Add($"{operation} {(int)response.StatusCode}");
            }
        }
    }
}
