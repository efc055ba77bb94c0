using System.Collections.Generic;
using System.Linq;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>Stage 3: the API description to one template model per output file, with every C# name decided.</summary>
internal static class CSharpProjection
{
    public static List<FileToRender> Project(ApiDescription api, string rootNamespace, string clientName)
    {
        var modelNamespace = rootNamespace + ".Models";
        var typeScope = new NameScope(ModelProjector.ReservedTypeNames);
        var typeNames = new Dictionary<string, string>();
        var simpleNames = new Dictionary<string, string>();
        var kinds = new Dictionary<string, ApiSchemaKind>();
        // The spec's own names claim first, so that a name made up from a first use never takes one the spec gives, and
        // equals claim in the order of their places in the spec (not of the operations), so that moving or adding an
        // operation does not move a name; a schema whose name is taken falls back to the name of its first use before
        // a number is added.
        foreach (var schema in api.Schemas.OrderBy(schema => schema.NameRank).ThenBy(schema => schema.Id, System.StringComparer.Ordinal))
        {
            var preferred = Identifier.Pascal(schema.PreferredName, "Model");
            var name = typeScope.TryClaim(preferred) ? preferred
                : schema.FallbackName is { } fallback && Identifier.Pascal(fallback, "Model") is var fallbackName && typeScope.TryClaim(fallbackName) ? fallbackName
                : typeScope.Claim(preferred);
            simpleNames[schema.Id] = name;
            typeNames[schema.Id] = "global::" + modelNamespace + "." + name;
            kinds[schema.Id] = schema.Kind;
        }

        var types = new TypeMapper(typeNames, kinds);
        var files = new List<FileToRender>();
        var byId = api.Schemas.ToDictionary(schema => schema.Id);
        var models = new ModelProjector(types, modelNamespace, byId, simpleNames);
        foreach (var schema in api.Schemas)
        {
            var name = simpleNames[schema.Id];
            var hint = modelNamespace + "." + name + ".g.cs";
            files.Add(schema.Kind switch
            {
                ApiSchemaKind.Enum => new FileToRender(hint, "Enum", models.ProjectEnum(schema, name)),
                ApiSchemaKind.IntegerEnum => new FileToRender(hint, "IntegerEnum", models.ProjectIntegerEnum(schema, name)),
                ApiSchemaKind.Union => new FileToRender(hint, "Union", models.ProjectUnion(schema, name, byId)),
                _ => new FileToRender(hint, "Model", models.ProjectObject(schema, name)),
            });
        }

        var clientScope = new NameScope();
        var client = new ClientTemplateModel
        {
            Namespace = rootNamespace,
            Name = clientScope.Claim(clientName),
            InterfaceName = clientScope.Claim("I" + clientName),
            OptionsName = clientScope.Claim(clientName + "Options"),
            Title = api.Title,
            Version = api.Version,
            Summary = api.Description,
            ServerUrl = api.ServerUrl,
        };
        var security = ProjectSecurity(api, rootNamespace, clientScope.Claim(clientName + "Security"));
        var paging = new PagingProjector(types, id => byId.TryGetValue(id, out var schema) ? schema : null, models.PropertyName);
        var operations = new OperationProjector(types, alternatives => RequirementField(security, alternatives), paging);
        var members = new NameScope(new[] { client.Name, "DefaultServerUrl", "GetType", "ToString", "Equals", "GetHashCode" });
        var projected = new Dictionary<string, ProjectedOperation>();
        foreach (var group in api.Operations.GroupBy(operation => operation.Group))
        {
            var className = clientScope.Claim(Identifier.Pascal(group.Key, "Default") + "Client");
            var interfaceName = clientScope.Claim("I" + className);
            var property = members.Claim(Identifier.Pascal(group.Key, "Default"));
            client.Groups.Add(new GroupReferenceTemplateModel { Property = property, ClassName = className, InterfaceName = interfaceName, Tag = group.Key });
            var groupModel = operations.Project(rootNamespace, className, group.Key, group);
            groupModel.InterfaceName = interfaceName;
            foreach (var (operation, model) in group.Zip(groupModel.Operations, (operation, model) => (operation, model)))
            {
                projected[operation.Key] = new ProjectedOperation(operation, model, property);
            }

            files.Add(new FileToRender(rootNamespace + "." + className + ".g.cs", "Group", groupModel));
            files.Add(new FileToRender(rootNamespace + "." + interfaceName + ".g.cs", "GroupInterface", groupModel));
        }

        var adapters = new SyncAdapterProjector(types, paging, key => projected.TryGetValue(key, out var found) ? found : null);
        foreach (var resource in api.SyncResources)
        {
            var adapterName = clientScope.Claim(Identifier.Pascal(resource.Name, "Records") + "SyncAdapter");
            if (adapters.Project(resource, rootNamespace, adapterName, client.Name) is { } adapter)
            {
                files.Add(new FileToRender(rootNamespace + "." + adapterName + ".g.cs", "SyncAdapter", adapter));
            }
        }

        if (api.Webhooks.Count > 0 && new WebhookProjector(types).Project(api.Webhooks, rootNamespace, clientScope.Claim(client.Name + "Webhooks"), api.Title, clientScope) is { } webhooks)
        {
            files.AddRange(webhooks.Webhooks.Select(webhook => new FileToRender(rootNamespace + "." + webhook.InterfaceName + ".g.cs", "WebhookHandler", webhook)));
            files.Add(new FileToRender(rootNamespace + "." + webhooks.Name + ".g.cs", "Webhooks", webhooks));
        }

        files.Add(new FileToRender(rootNamespace + "." + client.Name + ".g.cs", "Client", client));
        files.Add(new FileToRender(rootNamespace + "." + client.InterfaceName + ".g.cs", "ClientInterface", client));
        files.Add(new FileToRender(rootNamespace + "." + client.OptionsName + ".g.cs", "Options", ProjectOptions(api, client)));
        files.Add(new FileToRender(rootNamespace + "." + security.Name + ".g.cs", "Security", security));
        var registration = new RegistrationTemplateModel
        {
            Namespace = rootNamespace,
            Name = clientScope.Claim(client.Name + "ServiceCollectionExtensions"),
            MethodName = "Add" + client.Name,
            ClientName = client.Name,
            OptionsName = client.OptionsName,
            InterfaceName = client.InterfaceName,
            Groups = client.Groups,
        };
        files.Add(new FileToRender(rootNamespace + "." + registration.Name + ".g.cs", "Registration", registration));
        return files;
    }

    private static SecurityTemplateModel ProjectSecurity(ApiDescription api, string rootNamespace, string name)
    {
        var model = new SecurityTemplateModel { Namespace = rootNamespace, Name = name };
        var fields = new NameScope(new[] { name });
        foreach (var scheme in api.SecuritySchemes)
        {
            model.Schemes.Add(new SchemeTemplateModel
            {
                Field = fields.Claim(Identifier.Pascal(scheme.Key, "Scheme")),
                Key = scheme.Key,
                Kind = RuntimeTypes.SecuritySchemeKind(scheme.Kind),
                ParameterName = scheme.ParameterName,
            });
        }

        return model;
    }

    private static string RequirementField(SecurityTemplateModel security, SecurityAlternative[] alternatives)
    {
        var resolved = alternatives
            .Select(alternative => alternative.SchemeKeys.Select(key => security.Schemes.FirstOrDefault(scheme => scheme.Key == key)?.Field).ToList())
            .ToList();

        // An alternative naming a scheme the client cannot apply can never be satisfied; dropping it leaves the others.
        var usable = resolved.Where(alternative => alternative.All(field => field is not null)).Select(alternative => alternative.Select(field => field!).ToList())
            .OrderBy(alternative => alternative.Count == 0 ? 1 : 0)
            .ToList();
        if (usable.Count == 0)
        {
            return "null";
        }

        var key = string.Join("|", usable.Select(alternative => string.Join("&", alternative)));
        foreach (var existing in security.Requirements)
        {
            if (string.Join("|", existing.Alternatives.Select(alternative => string.Join("&", alternative))) == key)
            {
                return security.Name + "." + existing.Field;
            }
        }

        var requirement = new RequirementTemplateModel { Field = "Requirement" + security.Requirements.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        requirement.Alternatives.AddRange(usable);
        security.Requirements.Add(requirement);
        return security.Name + "." + requirement.Field;
    }

    private static OptionsTemplateModel ProjectOptions(ApiDescription api, ClientTemplateModel client)
    {
        var options = new OptionsTemplateModel { Namespace = client.Namespace, Name = client.OptionsName, ClientName = client.Name };
        var properties = new NameScope(new[] { client.OptionsName, "BaseAddress", "SetCredential", "GetCredential", "GetType", "ToString", "Equals", "GetHashCode" });
        foreach (var scheme in api.SecuritySchemes)
        {
            var (type, how) = scheme.Kind switch
            {
                ApiSecurityKind.ApiKeyHeader => ("ApiKeyCredential", $"an API key sent in the header '{scheme.ParameterName}'"),
                ApiSecurityKind.ApiKeyQuery => ("ApiKeyCredential", $"an API key sent in the query parameter '{scheme.ParameterName}'"),
                ApiSecurityKind.ApiKeyCookie => ("ApiKeyCredential", $"an API key sent in the cookie '{scheme.ParameterName}'"),
                ApiSecurityKind.Basic => ("BasicCredential", "HTTP basic authentication"),
                ApiSecurityKind.Bearer when scheme.OAuth2 => ("BearerTokenCredential", "a bearer token, or an OAuth2ClientCredential or OAuth2RefreshCredential that obtains and renews one"),
                _ => ("BearerTokenCredential", "a bearer token"),
            };
            options.Credentials.Add(new CredentialTemplateModel
            {
                Property = properties.Claim(Identifier.Pascal(scheme.Key, "Credential")),
                Type = RuntimeTypes.Auth + type,
                Key = scheme.Key,
                Summary = $"The credential for the security scheme '{scheme.Key}': {how}." + (scheme.Description is null ? string.Empty : " " + scheme.Description),
            });
        }

        return options;
    }
}
