using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using CrmSdkGen.Model;

namespace CrmSdkGen.Generation;

/// <summary>
/// A <c>.http</c> file (the format of Visual Studio, Rider and VS Code's REST Client) with one request per operation:
/// the base address and credentials as variables, parameters and bodies from the spec's examples.
/// </summary>
internal static class HttpFileWriter
{
    public static string Write(ApiDescription api)
    {
        var examples = new RequestExamples(api);
        var text = new StringBuilder();
        text.Append("# ").Append(OneLine(api.Title)).Append(' ').Append(OneLine(api.Version)).Append('\n');
        text.Append("@baseUrl = ").Append(OneLine(api.ServerUrl?.TrimEnd('/') ?? "http://localhost")).Append('\n');
        foreach (var variable in RequestAuth.Variables(api))
        {
            text.Append('@').Append(variable).Append(" = \n");
        }

        foreach (var operation in api.Operations)
        {
            var auth = RequestAuth.For(api, operation);
            text.Append("\n### ").Append(OneLine(operation.OperationId ?? operation.Key));
            if (operation.Summary is { } summary)
            {
                text.Append(": ").Append(OneLine(summary));
            }

            text.Append('\n').Append(operation.Method).Append(' ').Append("{{baseUrl}}").Append(RequestPaths.Url(operation, examples, auth.Query)).Append('\n');
            foreach (var header in auth.Headers.Concat(RequestPaths.Headers(operation, examples)))
            {
                text.Append(OneLine(header.Name)).Append(": ").Append(OneLine(header.Value)).Append('\n');
            }

            if (operation.Body is { } body && examples.Body(body) is { } json)
            {
                text.Append("Content-Type: ").Append(body.MediaType).Append("\n\n").Append(json.Replace("\r\n", "\n")).Append('\n');
            }
            else if (operation.Body is { Kind: ApiContentKind.Form } form)
            {
                text.Append("Content-Type: application/x-www-form-urlencoded\n\n")
                    .Append(string.Join("&", examples.Fields(form).Select(field => Uri.EscapeDataString(field.Name) + "=" + Uri.EscapeDataString(field.Value)))).Append('\n');
            }
            else if (operation.Body is { Kind: ApiContentKind.Multipart } multipart)
            {
                text.Append("Content-Type: multipart/form-data; boundary=crmsdkgen\n\n");
                foreach (var (name, value) in examples.Fields(multipart))
                {
                    text.Append("--crmsdkgen\nContent-Disposition: form-data; name=\"").Append(OneLine(name).Replace("\"", "%22")).Append("\"\n\n").Append(OneLine(value)).Append('\n');
                }

                text.Append("--crmsdkgen--\n");
            }
        }

        return text.ToString();
    }

    // Spec text (titles, server URLs, parameter names and examples) on one line: a line break in it could start
    // another request or header of the file.
    private static string OneLine(string text) => new string(text.Select(character => char.IsControl(character) ? ' ' : character).ToArray()).Trim();
}
