using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>Turns a sync resource into its adapter's template model, calling the generated client's methods.</summary>
internal sealed class SyncAdapterProjector
{
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
    private readonly TypeMapper _types;
    private readonly PagingProjector _paging;
    private readonly Func<string, ProjectedOperation?> _find;

    /// <param name="types">The type mapper.</param>
    /// <param name="paging">The paging projector, for page tokens.</param>
    /// <param name="find">The projected operation with a key ("METHOD path").</param>
    public SyncAdapterProjector(TypeMapper types, PagingProjector paging, Func<string, ProjectedOperation?> find)
    {
        _types = types;
        _paging = paging;
        _find = find;
    }

    public SyncAdapterTemplateModel? Project(ApiSyncResource resource, string clientNamespace, string name, string clientName)
    {
        if (_find(resource.List) is not { } list || _find(resource.Get) is not { } get)
        {
            return null;
        }

        // Pages are read as JSON where the paging can be followed from the body: records go to the store as the CRM
        // sent them, without a round trip through the models.
        var jsonTokens = resource.ListBySearch || list.Model.JsonMethodName is null ? null
            : resource.ListRecordsPath.Count > 0 ? new PageTokenModel(null, null, RuntimeTypes.SyncJson + "Items(page" + string.Concat(resource.ListRecordsPath.Select(name => ", " + CSharpEscaping.CSharpString(name))) + ")", "null")
            : _paging.ProjectJsonTokens(list.Operation, list.Model, "page", "token");
        if ((resource.ListBySearch ? new PageTokenModel(null, null, string.Empty, "null") : jsonTokens ?? _paging.ProjectTokens(list.Operation, list.Model, "page", "token")) is not { } tokens
            || Parameter(get, resource.KeyParameter) is not { } getKey || KeyArgument(getKey) is not { } keyArgument)
        {
            return null;
        }

        var scope = new List<(string WireName, SyncScopeTemplateModel Model)>();
        var names = new NameScope(new[] { "client", "configure", "options", "request", "key", "token", "page", "body", "record", "changes", "ifMatch", "create", "update", "delete", "items", "cancellationToken" }, ignoreCase: false);
        foreach (var wireName in resource.ScopeParameters)
        {
            if (list.Model.Parameters.FirstOrDefault(parameter => parameter.WireName == wireName) is not { } parameter)
            {
                return null;
            }

            var scopeName = names.Claim(parameter.Name.TrimStart('@'));
            var argumentName = parameter.Name.StartsWith("@", StringComparison.Ordinal) && scopeName == parameter.Name.Substring(1) ? parameter.Name : scopeName;
            scope.Add((wireName, new SyncScopeTemplateModel { Name = argumentName, Field = "_" + scopeName, Type = parameter.Type.TrimEnd('?'), Summary = parameter.Summary }));
        }

        List<string> Scoped(ProjectedOperation operation, List<string> arguments)
        {
            foreach (var (wireName, model) in scope)
            {
                if (Parameter(operation, wireName) is { } parameter)
                {
                    arguments.Insert(0, parameter.Name + ": " + model.Field);
                }
            }

            return arguments;
        }

        var since = resource.UpdatedSinceParameter is { } sinceName ? list.Model.Parameters.FirstOrDefault(parameter => parameter.WireName == sinceName) : null;
        var sinceArgument = since is null ? null : SinceArgument(since);
        var listArguments = new List<string>();
        if (tokens.Parameter is { } tokenParameter)
        {
            listArguments.Add(tokenParameter + ": " + tokens.Argument);
        }

        if (sinceArgument is not null)
        {
            listArguments.Add(since!.Name + ": " + sinceArgument);
        }

        var pageSize = resource.PageSize;
        if (resource.PageSizeParameter is { } sizeName && list.Model.Parameters.FirstOrDefault(parameter => parameter.WireName == sizeName) is { } size
            && size.Type.TrimEnd('?') is "int" or "long")
        {
            listArguments.Add(size.Name + ": Options.PageSize");
        }
        else
        {
            pageSize = null;
        }

        var deletedListing = resource.DeletedListing is { } deletedName && list.Model.Parameters.FirstOrDefault(parameter => parameter.WireName == deletedName) is { Type: "bool?" } deletedParameter
            ? deletedParameter
            : null;
        if (deletedListing is not null)
        {
            listArguments.Add(deletedListing.Name + ": deleted ? true : null");
        }

        var calls = new List<SyncCallTemplateModel>();
        (string Call, string BodyType)? search = null;
        if (resource.Search is { } searchResource && _find(searchResource.Operation) is { } searchOperation && Body(searchOperation) is { } searchBody)
        {
            search = (Call(calls, "search", searchOperation, Scoped(searchOperation, new List<string> { searchBody.Name + ": body" })), searchBody.Type.TrimEnd('?'));
        }

        var itemType = _types.DeclaredName(new ApiType(ApiTypeKind.Named, SchemaId: resource.ItemSchemaId), nullable: false);
        var model = new SyncAdapterTemplateModel
        {
            Namespace = clientNamespace,
            Name = name,
            ClientName = "global::" + clientNamespace + "." + clientName,
            ItemType = itemType,
            Resource = resource.Name,
            PullMode = PullMode(resource, byWatermark: sinceArgument is not null && resource.ModifiedField is not null, bySearch: search is not null),
            PageSize = pageSize,
            KeyField = resource.KeyField,
            ModifiedField = resource.ModifiedField,
            DeletedField = resource.DeletedField,
            ETagField = resource.ETagField,
            ListCall = Call(calls, "list", list, Scoped(list, listArguments), jsonTokens is null ? null : list.Model.JsonMethodName),
            ListJson = jsonTokens is not null,
            Items = tokens.Items,
            Next = tokens.Next,
            GetCall = Call(calls, "get", get, Scoped(get, new List<string> { getKey.Name + ": " + keyArgument })),
            RecordPath = string.Concat(resource.RecordPath.Select(name => ", " + CSharpEscaping.CSharpString(name))),
        };
        model.Scope.AddRange(scope.Select(entry => entry.Model));
        if (resource.ListBySearch && search is null)
        {
            return null;
        }

        if (search is not null)
        {
            model.ListBySearch = resource.ListBySearch;
            model.SearchCall = search.Value.Call;
            model.SearchBodyType = search.Value.BodyType;
            model.SearchDialect = resource.Search!.Dialect;
            model.SearchModified = resource.Search.ModifiedProperty;
            model.SearchTieBreak = resource.Search.TieBreak;
            model.SearchResultCap = resource.Search.ResultCap;
            model.SearchPageSize = resource.Search.PageSize;
            model.SearchSort = resource.Search.Sort;
            model.DeletedListing = deletedListing is not null && !resource.ListBySearch;
        }

        var used = resource.ListBySearch ? new List<string> { resource.Get } : new List<string> { resource.List, resource.Get };
        if (search is not null)
        {
            used.Add(resource.Search!.Operation);
        }

        if (resource.Create is { } createKey && _find(createKey) is { } create && Body(create) is { } createBody)
        {
            model.CreateCall = Call(calls, "create", create, Scoped(create, new List<string> { createBody.Name + ": body" }));
            model.CreateBodyType = createBody.Type.TrimEnd('?');
            used.Add(createKey);
        }

        // Each operation's key parameter may have its own type (DigitalOcean reads images by id or slug, updates them by id).
        if (resource.Update is { } updateKey && _find(updateKey) is { } update && Body(update) is { } updateBody && Parameter(update, resource.KeyParameter) is { } updateId
            && KeyArgument(updateId) is { } updateKeyArgument)
        {
            model.UpdateCall = Call(calls, "update", update, Scoped(update, WithIfMatch(update, new List<string> { updateId.Name + ": " + updateKeyArgument, updateBody.Name + ": body" })));
            model.UpdateBodyType = updateBody.Type.TrimEnd('?');
            model.UpdateSendsRecord = update.Operation.Method == "PUT";
            used.Add(updateKey);
        }

        if (resource.Delete is { } deleteKey && _find(deleteKey) is { } delete && Parameter(delete, resource.KeyParameter) is { } deleteId
            && KeyArgument(deleteId) is { } deleteKeyArgument)
        {
            model.DeleteCall = Call(calls, "delete", delete, Scoped(delete, WithIfMatch(delete, new List<string> { deleteId.Name + ": " + deleteKeyArgument })));
            used.Add(deleteKey);
        }

        if (resource.BatchUpdate is { } batchKey && _find(batchKey) is { } batch && Body(batch) is { } batchBody)
        {
            model.BatchUpdateCall = Call(calls, "batch_update", batch, Scoped(batch, new List<string> { batchBody.Name + ": body" }));
            model.BatchUpdateBodyType = batchBody.Type.TrimEnd('?');
            model.BatchInputs = resource.BatchInputs;
            model.BatchResults = resource.BatchResults;
            model.BatchSize = 100;
            used.Add(batchKey);
        }

        model.Operations = string.Join(", ", used);
        model.Calls.AddRange(calls);
        list.Model.EmitJson |= model.ListJson;
        return model;
    }

    // An extension's mode wins where the resource supports it; else a list filter on the time of change, else the search.
    private static string PullMode(ApiSyncResource resource, bool byWatermark, bool bySearch) => resource.Mode switch
    {
        "full" => "Full",
        "watermark" when byWatermark => "Watermark",
        "search" when bySearch => "Search",
        _ when byWatermark => "Watermark",
        _ when bySearch => "Search",
        _ => "Full",
    };

    // The call as code, and as its parts for templates that write their own.
    private static string Call(List<SyncCallTemplateModel> calls, string role, ProjectedOperation operation, List<string> arguments, string? methodName = null)
    {
        var call = new SyncCallTemplateModel { Role = role, Group = operation.GroupProperty, Method = methodName ?? operation.Model.MethodName };
        call.Arguments.AddRange(arguments);
        calls.Add(call);
        return $"_client.{call.Group}.{call.Method}({string.Join(", ", arguments.Append("cancellationToken: cancellationToken"))})";
    }

    private static List<string> WithIfMatch(ProjectedOperation operation, List<string> arguments)
    {
        if (operation.Model.Parameters.FirstOrDefault(parameter => string.Equals(parameter.WireName, "If-Match", StringComparison.OrdinalIgnoreCase)) is { } ifMatch
            && ifMatch.Type.TrimEnd('?') == "string")
        {
            arguments.Add(ifMatch.Name + ": ifMatch");
        }

        return arguments;
    }

    private static ParameterTemplateModel? Parameter(ProjectedOperation operation, string wireName) =>
        operation.Model.Parameters.FirstOrDefault(parameter => parameter.WireName == wireName);

    private static ParameterTemplateModel? Body(ProjectedOperation operation) =>
        operation.Operation.Body is { Kind: ApiContentKind.Json, Type.Kind: ApiTypeKind.Named } ? operation.Model.Parameters.FirstOrDefault(parameter => parameter.WireName is null) : null;

    // The key (a string) as the path parameter's type.
    private static string? KeyArgument(ParameterTemplateModel parameter) => parameter.Type.TrimEnd('?') switch
    {
        "string" => "key",
        "long" or "int" or "global::System.Guid" or "global::System.Decimal" or "decimal" => $"{parameter.Type.TrimEnd('?')}.Parse(key, {Invariant})",
        _ => null,
    };

    // The watermark (request.Since, a DateTimeOffset?) as the updated-since parameter's type.
    private static string? SinceArgument(ParameterTemplateModel parameter) => parameter.Type.TrimEnd('?') switch
    {
        "global::System.DateTimeOffset" => "request.Since",
        "string" when string.Equals(parameter.WireName, "If-Modified-Since", StringComparison.OrdinalIgnoreCase) => $"request.Since?.ToUniversalTime().ToString(\"R\", {Invariant})",
        "string" => $"request.Since?.ToUniversalTime().ToString(\"O\", {Invariant})",
        "long" => "request.Since?.ToUnixTimeMilliseconds()",
        _ => null,
    };
}
