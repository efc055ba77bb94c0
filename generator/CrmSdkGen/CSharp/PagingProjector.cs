using System;
using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Kernel;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>Turns a recognised paging pattern into the PageWalker call of an operation's "...AllAsync" method.</summary>
internal sealed class PagingProjector
{
    private const string Walker = RuntimeTypes.PageWalker;
    private readonly TypeMapper _types;
    private readonly Func<string, ApiSchema?> _lookup;
    private readonly Func<string, string, string?> _propertyName;

    /// <param name="types">The type mapper.</param>
    /// <param name="lookup">Finds a named schema by id.</param>
    /// <param name="propertyName">The C# name of a property, by schema id and JSON name, inherited ones included.</param>
    public PagingProjector(TypeMapper types, Func<string, ApiSchema?> lookup, Func<string, string, string?> propertyName)
    {
        _types = types;
        _lookup = lookup;
        _propertyName = propertyName;
    }

    public PagingTemplateModel? Project(ApiOperation operation, ApiPaging paging, OperationTemplateModel model, string pageType, string? codec, string errors, string methodName)
    {
        var root = operation.Result.Type!;
        var items = Access(root, paging.ItemsPath, "page");
        if (items is null || items.Value.Type is not { Kind: ApiTypeKind.Array, Element: { } element })
        {
            return null;
        }

        var scope = new NameScope(model.Parameters.Select(parameter => parameter.Name).Append("cancellationToken"), ignoreCase: false);
        var cursor = scope.Claim("cursor");
        var token = scope.Claim("token");
        var page = scope.Claim("page");
        var last = scope.Claim("last");
        var itemsOf = Access(root, paging.ItemsPath, page)!.Value.Expression;
        var itemType = _types.DeclaredName(element, element.Nullable);
        var parameter = model.Parameters.FirstOrDefault(candidate => candidate.WireName == paging.Parameter);
        string Fetch(string value) =>
            model.MethodName + "(" + string.Join(", ", model.Parameters.Select(candidate => candidate == parameter ? value : candidate.Name).Append(token)) + ")";
        var generic = $"<{pageType}, {itemType}>";
        var itemsLambda = $"static {page} => {itemsOf}";
        string? walk;
        switch (paging.Kind)
        {
            case ApiPagingKind.Cursor when parameter is not null && Access(root, paging.NextPath, page) is { Type.Kind: ApiTypeKind.String } next:
                walk = $"{Walker}ByCursor{generic}(({cursor}, {token}) => {Fetch(cursor)}, {itemsLambda}, static {page} => {next.Expression}, {parameter.Name}, cancellationToken)";
                break;
            case ApiPagingKind.LastItemId when parameter is not null && Access(root, paging.NextPath, page) is { } hasMore && element.SchemaId is { } itemId && _propertyName(itemId, "id") is { } id:
                var lastId = $"{hasMore.Expression} == true && {itemsOf} is {{ Count: > 0 }} {last} ? {last}[{last}.Count - 1]{(element.Nullable ? "?" : string.Empty)}.{id} : null";
                walk = $"{Walker}ByCursor{generic}(({cursor}, {token}) => {Fetch(cursor)}, {itemsLambda}, static {page} => {lastId}, {parameter.Name}, cancellationToken)";
                break;
            case ApiPagingKind.NextPosition when parameter is not null && Access(root, paging.NextPath, page) is { } position:
                walk = $"{Walker}ByNextPosition{generic}(({cursor}, {token}) => {Fetch($"({NumberType(parameter)}?){cursor}")}, {itemsLambda}, static {page} => {position.Expression}, {parameter.Name}, cancellationToken)";
                break;
            case ApiPagingKind.Offset when parameter is not null:
                walk = $"{Walker}ByOffset{generic}(({cursor}, {token}) => {Fetch($"({NumberType(parameter)}){cursor}")}, {itemsLambda}, {parameter.Name} ?? 0, cancellationToken)";
                break;
            case ApiPagingKind.PageNumber when parameter is not null:
                walk = $"{Walker}ByPageNumber{generic}(({cursor}, {token}) => {Fetch($"({NumberType(parameter)}){cursor}")}, {itemsLambda}, {parameter.Name} ?? 1, cancellationToken)";
                break;
            case ApiPagingKind.NextLink or ApiPagingKind.LinkHeader when codec is not null:
                var link = scope.Claim("link");
                var nextLink = paging.Kind == ApiPagingKind.LinkHeader ? "null" : Access(root, paging.NextPath, page) is { } body ? $"static {page} => {body.Expression}" : null;
                var first = model.ResponseMethodName + "(" + string.Join(", ", model.Parameters.Select(candidate => candidate.Name).Append(token)) + ")";
                var follow = $"_core.FollowLinkAsync({link}, {CSharpEscaping.CSharpString(operation.Path)}, {model.Security}, {codec}, {errors}, {token})";
                walk = nextLink is null ? null : $"{Walker}ByNextLink{generic}({token} => {first}, ({link}, {token}) => {follow}, {itemsLambda}, {nextLink}, cancellationToken)";
                break;
            default:
                walk = null;
                break;
        }

        var stop = StopFlag(root, paging, page);
        if (walk is not null && stop is not null)
        {
            walk = walk.Substring(0, walk.Length - 1) + $", more: static {page} => !({stop}))";
        }

        return walk is null ? null : new PagingTemplateModel
        {
            MethodName = methodName,
            ItemType = itemType,
            Walk = walk,
            Kind = KindName(paging.Kind),
            Parameter = parameter?.Name,
            PageVariable = page,
            Items = itemsOf,
            Next = paging.Kind is ApiPagingKind.Offset or ApiPagingKind.PageNumber or ApiPagingKind.LinkHeader ? null : Access(root, paging.NextPath, page)?.Expression,
            Stop = stop,
        };
    }

    private static string KindName(ApiPagingKind kind) => kind switch
    {
        ApiPagingKind.Cursor => "cursor",
        ApiPagingKind.LastItemId => "last_item_id",
        ApiPagingKind.NextPosition => "next_position",
        ApiPagingKind.Offset => "offset",
        ApiPagingKind.PageNumber => "page_number",
        ApiPagingKind.NextLink => "next_link",
        _ => "link_header",
    };

    /// <summary>
    /// How a sync adapter pages through a list operation with string page tokens: the argument the token becomes, the
    /// items of a page and the next page's token, for a response in <paramref name="page"/> and the current token in
    /// <paramref name="token"/> (a string? variable). Null when the pattern cannot be followed that way.
    /// </summary>
    public PageTokenModel? ProjectTokens(ApiOperation operation, OperationTemplateModel model, string page, string token)
    {
        var tokens = ProjectTokensUnstopped(operation, model, page, token);
        return tokens is not null && operation.Paging is { } paging && StopFlag(operation.Result.Type!, paging, page) is { } stop
            ? tokens with { Next = $"{stop} ? null : ({tokens.Next})" }
            : tokens;
    }

    private PageTokenModel? ProjectTokensUnstopped(ApiOperation operation, OperationTemplateModel model, string page, string token)
    {
        var root = operation.Result.Type!;
        if (operation.Paging is not { } paging)
        {
            return root.Kind == ApiTypeKind.Array ? new PageTokenModel(null, null, page, "null") : null;
        }

        if (Access(root, paging.ItemsPath, page) is not { Type.Kind: ApiTypeKind.Array } items)
        {
            return null;
        }

        var parameter = model.Parameters.FirstOrDefault(candidate => candidate.WireName == paging.Parameter);
        const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
        string Number(ParameterTemplateModel numeric) => $"{token} is null ? ({NumberType(numeric)}?)null : {NumberType(numeric)}.Parse({token}, {Invariant})";
        switch (paging.Kind)
        {
            case ApiPagingKind.Cursor when parameter is not null && Access(root, paging.NextPath, page) is { Type.Kind: ApiTypeKind.String } next:
                return new PageTokenModel(parameter.Name, token, items.Expression, next.Expression);
            case ApiPagingKind.LastItemId when parameter is not null && Access(root, paging.NextPath, page) is { } hasMore
                && items.Type.Element is { SchemaId: { } itemId } element && _propertyName(itemId, "id") is { } id:
                var last = $"{hasMore.Expression} == true && {items.Expression} is {{ Count: > 0 }} last ? last[last.Count - 1]{(element.Nullable ? "?" : string.Empty)}.{id} : null";
                return new PageTokenModel(parameter.Name, token, items.Expression, last);
            case ApiPagingKind.NextPosition when parameter is not null && Access(root, paging.NextPath, page) is { } position:
                return new PageTokenModel(parameter.Name, Number(parameter), items.Expression, $"{position.Expression}?.ToString({Invariant})");
            case ApiPagingKind.Offset when parameter is not null:
                return new PageTokenModel(parameter.Name, Number(parameter), items.Expression, $"{items.Expression} is not {{ Count: > 0 }} received ? null : ((({Number(parameter)}) ?? 0) + received.Count).ToString({Invariant})");
            case ApiPagingKind.PageNumber when parameter is not null:
                return new PageTokenModel(parameter.Name, Number(parameter), items.Expression, $"{items.Expression} is not {{ Count: > 0 }} ? null : ((({Number(parameter)}) ?? 1) + 1).ToString({Invariant})");
            default:
                return null;
        }
    }

    /// <summary>
    /// Like <see cref="ProjectTokens"/> over the page as a JSON element (<paramref name="page"/>): the items as an
    /// <c>IReadOnlyList&lt;JsonElement&gt;</c>, and the next token from the element, where it may also read the variable
    /// <c>items</c> that holds them. Null for patterns read only from headers or links.
    /// </summary>
    public PageTokenModel? ProjectJsonTokens(ApiOperation operation, OperationTemplateModel model, string page, string token)
    {
        const string Json = RuntimeTypes.SyncJson;
        static string Path(EquatableArray<string> names) => string.Concat(names.Select(name => ", " + CSharpEscaping.CSharpString(name)));
        if (operation.Paging is not { } paging)
        {
            return operation.Result.Type is { Kind: ApiTypeKind.Array } ? new PageTokenModel(null, null, $"{Json}Items({page})", "null") : null;
        }

        if (ProjectTokensUnstopped(operation, model, page, token) is not { } typed)
        {
            return null;
        }

        var stop = paging.StopFlagPath.Count == 0 ? string.Empty
            : $"{Json}{(paging.StopFlagMeansMore ? "IsFalse" : "Flag")}({page}{Path(paging.StopFlagPath)}) ? null : ";

        var items = $"{Json}Items({page}{Path(paging.ItemsPath)})";
        var parameter = model.Parameters.FirstOrDefault(candidate => candidate.WireName == paging.Parameter);
        const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";
        string Number(ParameterTemplateModel numeric) => $"{token} is null ? ({NumberType(numeric)}?)null : {NumberType(numeric)}.Parse({token}, {Invariant})";
        var tokens = paging.Kind switch
        {
            ApiPagingKind.Cursor or ApiPagingKind.NextPosition => typed with { Items = items, Next = $"{Json}Text({page}{Path(paging.NextPath)})" },
            ApiPagingKind.LastItemId when operation.Result.Type is { } root && Access(root, paging.ItemsPath, page)?.Type.Element is { SchemaId: { } itemId } && _propertyName(itemId, "id") is not null =>
                typed with { Items = items, Next = $"{Json}Flag({page}{Path(paging.NextPath)}) && items.Count > 0 ? {Json}Text(items[items.Count - 1], \"id\") : null" },
            ApiPagingKind.Offset when parameter is not null => typed with { Items = items, Next = $"items.Count == 0 ? null : ((({Number(parameter)}) ?? 0) + items.Count).ToString({Invariant})" },
            ApiPagingKind.PageNumber when parameter is not null => typed with { Items = items, Next = $"items.Count == 0 ? null : ((({Number(parameter)}) ?? 1) + 1).ToString({Invariant})" },
            _ => null,
        };
        return tokens is null || stop.Length == 0 ? tokens : tokens with { Next = stop + "(" + tokens.Next + ")" };
    }

    // The condition, over a typed page, under which the page's stop flag ends the walk; null when there is no flag.
    private string? StopFlag(ApiType root, ApiPaging paging, string page) =>
        paging.StopFlagPath.Count > 0 && Access(root, paging.StopFlagPath, page) is { Type.Kind: ApiTypeKind.Boolean } flag
            ? $"{flag.Expression} == {(paging.StopFlagMeansMore ? "false" : "true")}"
            : null;

    private static string NumberType(ParameterTemplateModel parameter) => parameter.Type.TrimEnd('?');

    // "page.Paging?.Next?.After" for ["paging", "next", "after"]; the whole page for an empty path.
    private (string Expression, ApiType Type)? Access(ApiType root, EquatableArray<string> path, string variable)
    {
        var expression = variable;
        var type = root;
        for (var i = 0; i < path.Count; i++)
        {
            if (type is not { Kind: ApiTypeKind.Named, SchemaId: { } id } || _propertyName(id, path[i]) is not { } name)
            {
                return null;
            }

            var property = _lookup(id) is { } schema ? SchemaHierarchy.AllProperties(schema, _lookup).First(candidate => candidate.JsonName == path[i]) : null;
            if (property is null)
            {
                return null;
            }

            expression += (i == 0 ? "." : "?.") + name;
            type = property.Type;
        }

        return (expression, type);
    }
}
