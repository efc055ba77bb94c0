using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using CrmSdkGen.Model;

namespace CrmSdkGen.Generation;

/// <summary>
/// A Postman collection (format 2.1) with one request per operation, grouped by tag: the base address and credentials
/// as collection variables, parameters and bodies from the spec's examples, and a test that the API accepted it.
/// </summary>
internal static class PostmanCollectionWriter
{
    private const string Format = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json";

    public static string Write(ApiDescription api)
    {
        var examples = new RequestExamples(api);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteStartObject("info");
            json.WriteString("name", api.Title + " " + api.Version);
            json.WriteString("schema", Format);
            json.WriteEndObject();
            json.WriteStartArray("variable");
            Variable(json, "baseUrl", api.ServerUrl?.TrimEnd('/') ?? "http://localhost");
            foreach (var variable in RequestAuth.Variables(api))
            {
                Variable(json, variable, string.Empty);
            }

            json.WriteEndArray();
            json.WriteStartArray("item");
            foreach (var group in api.Operations.GroupBy(operation => operation.Group))
            {
                json.WriteStartObject();
                json.WriteString("name", group.Key);
                json.WriteStartArray("item");
                foreach (var operation in group)
                {
                    Request(json, api, operation, examples);
                }

                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void Request(Utf8JsonWriter json, ApiDescription api, ApiOperation operation, RequestExamples examples)
    {
        var auth = RequestAuth.For(api, operation);
        json.WriteStartObject();
        json.WriteString("name", operation.OperationId ?? operation.Key);
        json.WriteStartObject("request");
        json.WriteString("method", operation.Method);
        if ((operation.Summary ?? operation.Description) is { } description)
        {
            json.WriteString("description", description);
        }

        json.WriteStartArray("header");
        var body = operation.Body is { } declared ? examples.Body(declared) : null;
        var headers = auth.Headers.Concat(RequestPaths.Headers(operation, examples));
        if (body is not null || operation.Body?.Kind == ApiContentKind.Form)
        {
            headers = headers.Append(("Content-Type", operation.Body!.MediaType));
        }

        foreach (var (name, value) in headers)
        {
            json.WriteStartObject();
            json.WriteString("key", name);
            json.WriteString("value", value);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteString("url", "{{baseUrl}}" + RequestPaths.Url(operation, examples, auth.Query));
        if (body is not null)
        {
            json.WriteStartObject("body");
            json.WriteString("mode", "raw");
            json.WriteString("raw", body);
            json.WriteEndObject();
        }
        else if (operation.Body is { Kind: ApiContentKind.Form or ApiContentKind.Multipart } fields)
        {
            // Postman sets the multipart boundary itself; form fields go URL-encoded.
            var mode = fields.Kind == ApiContentKind.Form ? "urlencoded" : "formdata";
            json.WriteStartObject("body");
            json.WriteString("mode", mode);
            json.WriteStartArray(mode);
            foreach (var (name, value) in examples.Fields(fields))
            {
                json.WriteStartObject();
                json.WriteString("key", name);
                json.WriteString("value", value);
                json.WriteString("type", "text");
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteStartArray("event");
        json.WriteStartObject();
        json.WriteString("listen", "test");
        json.WriteStartObject("script");
        json.WriteString("type", "text/javascript");
        json.WriteStartArray("exec");
        json.WriteStringValue("pm.test(\"the API accepts the request\", function () { pm.expect(pm.response.code).to.be.below(400); });");
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void Variable(Utf8JsonWriter json, string key, string value)
    {
        json.WriteStartObject();
        json.WriteString("key", key);
        json.WriteString("value", value);
        json.WriteEndObject();
    }
}
