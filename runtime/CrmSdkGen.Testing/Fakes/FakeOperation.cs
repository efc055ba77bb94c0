using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using Microsoft.OpenApi;

namespace CrmSdkGen.Testing.Fakes;

/// <summary>One operation of the spec with what the fake needs of it: its parameters merged with the path's, and its security.</summary>
internal sealed class FakeOperation
{
    public FakeOperation(string pathTemplate, HttpMethod method, OpenApiOperation operation, IOpenApiPathItem pathItem, OpenApiDocument document)
    {
        PathTemplate = pathTemplate;
        Method = method;
        Operation = operation;
        Id = string.IsNullOrEmpty(operation.OperationId) ? method.Method + " " + pathTemplate : operation.OperationId!;
        Segments = pathTemplate.Trim('/').Split('/');
        var own = operation.Parameters ?? new List<IOpenApiParameter>();
        Parameters = own
            .Concat((pathItem.Parameters ?? new List<IOpenApiParameter>()).Where(shared => !own.Any(parameter => parameter.Name == shared.Name && parameter.In == shared.In)))
            .ToList();
        Security = operation.Security ?? document.Security ?? new List<OpenApiSecurityRequirement>();
    }

    public string Id { get; }

    public string PathTemplate { get; }

    public HttpMethod Method { get; }

    public OpenApiOperation Operation { get; }

    public string[] Segments { get; }

    public IReadOnlyList<IOpenApiParameter> Parameters { get; }

    public IList<OpenApiSecurityRequirement> Security { get; }

    /// <summary>How many segments are literal: a literal match wins over a template one (<c>/contacts/search</c> over <c>/contacts/{id}</c>).</summary>
    public int LiteralSegments => Segments.Count(segment => !segment.Contains('{'));
}
