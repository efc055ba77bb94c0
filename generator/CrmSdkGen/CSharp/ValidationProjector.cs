using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Model;

namespace CrmSdkGen.CSharp;

/// <summary>
/// Writes the statements of a model's generated validator: one line per property that has something to check, each
/// calling ValidationRules at the property's path. Nothing is allocated for a valid model.
/// </summary>
internal sealed class ValidationProjector
{
    private const string Rules = RuntimeTypes.ValidationRules;
    private static readonly string[] CheckedFormats = { "email", "idn-email", "uri", "iri", "uri-reference", "iri-reference", "ipv4", "ipv6" };
    private static readonly string[] SensitiveWords = { "password", "secret", "token", "apikey", "api_key", "ssn", "credential" };
    private readonly TypeMapper _types;
    private readonly Func<string, ApiSchema?> _lookup;

    public ValidationProjector(TypeMapper types, Func<string, ApiSchema?> lookup)
    {
        _types = types;
        _lookup = lookup;
    }

    public List<string> Project(ApiSchema schema, IReadOnlyList<PropertyTemplateModel> properties, List<CodecField> patterns)
    {
        var statements = new List<string>();
        if (schema.Constraints is { } objectConstraints)
        {
            statements.Add($"{Rules}Properties(context, SetPropertyCount, {Int(objectConstraints.MinProperties)}, {Int(objectConstraints.MaxProperties)});");
        }

        for (var i = 0; i < schema.Properties.Count; i++)
        {
            var property = schema.Properties[i];
            var model = properties[i];
            var before = statements.Count;
            AddRules(property, model);
            var name = CSharpEscaping.CSharpString(property.JsonName);
            var isValueType = _types.IsValueType(property.Type);
            var mayBeNull = property.Type.Kind != ApiTypeKind.Any && (!isValueType || !(property.Required && !property.Type.Nullable));
            if (property.Required && !property.ReadOnly && !property.WriteOnly)
            {
                statements.Add(mayBeNull && !property.Type.Nullable
                    ? $"if (!Assigned.Has({model.Index}) || {model.Field} is null) {Rules}Required(context, {name}, Assigned.Has({model.Index}));"
                    : $"if (!Assigned.Has({model.Index})) {Rules}Required(context, {name}, false);");
            }
            else if (mayBeNull && !property.Type.Nullable)
            {
                statements.Add($"if (Assigned.Has({model.Index}) && {model.Field} is null) {Rules}Required(context, {name}, true);");
            }

            model.Sensitive = IsSensitive(property);
            var sensitive = model.Sensitive ? ", sensitive: true" : string.Empty;
            if (property.Type is { Kind: ApiTypeKind.Named, SchemaId: { } id } && _lookup(id)?.Kind is ApiSchemaKind.Object or ApiSchemaKind.Union)
            {
                statements.Add($"context.Nested({name}, {model.Field}{sensitive});");
                model.ValidationStatements.AddRange(statements.Skip(before));
                continue;
            }

            // Pattern variables live in the whole method, so each property's are its own.
            var variable = "v" + i.ToString(CultureInfo.InvariantCulture);
            var checks = Checks(property.Type, variable, 0, patterns);
            if (checks.Count == 0)
            {
                model.ValidationStatements.AddRange(statements.Skip(before));
                continue;
            }

            var body = $"context.Push({name}{sensitive}); {string.Join(" ", checks)} context.Pop();";
            statements.Add(mayBeNull
                ? $"if ({model.Field} is {{ }} {variable}) {{ {body} }}"
                : $"if (Assigned.Has({model.Index})) {{ var {variable} = {model.Field}; {body} }}");
            model.ValidationStatements.AddRange(statements.Skip(before));
        }

        return statements;
    }

    // The checks of one value at the current path, in statements that read the variable "value".
    private List<string> Checks(ApiType type, string value, int depth, List<CodecField> patterns)
    {
        var checks = new List<string>();
        var constraints = type.Constraints;
        switch (type.Kind)
        {
            case ApiTypeKind.String when _types.Name(type) == "string":
                if (constraints is { MinLength: not null } or { MaxLength: not null })
                {
                    checks.Add($"{Rules}Length(context, {value}, {Int(constraints.MinLength)}, {Int(constraints.MaxLength)});");
                }

                if (constraints?.Pattern is { } pattern)
                {
                    var initializer = $"new global::System.Text.RegularExpressions.Regex({CSharpEscaping.CSharpString(pattern)}, global::System.Text.RegularExpressions.RegexOptions.CultureInvariant, {Rules}PatternTimeout)";
                    var field = patterns.FirstOrDefault(candidate => candidate.Initializer == initializer);
                    if (field is null)
                    {
                        field = new CodecField("s_pattern" + patterns.Count.ToString(CultureInfo.InvariantCulture), "global::System.Text.RegularExpressions.Regex", initializer);
                        patterns.Add(field);
                    }

                    checks.Add($"{Rules}Pattern(context, {value}, {field.Name});");
                }

                if (type.Format is { } format && CheckedFormats.Contains(format))
                {
                    checks.Add($"{Rules}Format(context, {value}, {CSharpEscaping.CSharpString(format)});");
                }

                break;
            case ApiTypeKind.Integer or ApiTypeKind.Number when constraints is not null:
                var binary = _types.Name(type) is "double" or "float";
                var suffix = binary ? "d" : "m";
                var operand = binary ? $"(double){value}" : $"(decimal){value}";
                if (constraints.Minimum is not null || constraints.Maximum is not null)
                {
                    checks.Add($"{Rules}Range(context, {operand}, {Number(constraints.Minimum, suffix)}, {Bool(constraints.ExclusiveMinimum)}, {Number(constraints.Maximum, suffix)}, {Bool(constraints.ExclusiveMaximum)});");
                }

                if (constraints.MultipleOf is { } step)
                {
                    checks.Add($"{Rules}MultipleOf(context, {operand}, {step}{suffix});");
                }

                break;
            case ApiTypeKind.Named when type.SchemaId is { } id && _lookup(id) is { } target:
                checks.Add(target.Kind switch
                {
                    ApiSchemaKind.Enum => $"{Rules}Known(context, {value}.IsKnown, {value}.Value);",
                    ApiSchemaKind.IntegerEnum => $"{Rules}Known(context, global::System.Enum.IsDefined({value}), {value}.ToString());",
                    _ => $"{value}.ValidateInto(context);",
                });
                break;
            case ApiTypeKind.Array:
                if (constraints is { MinItems: not null } or { MaxItems: not null })
                {
                    checks.Add($"{Rules}Items(context, {value}.Count, {Int(constraints.MinItems)}, {Int(constraints.MaxItems)});");
                }

                if (constraints?.UniqueItems == true)
                {
                    checks.Add($"{Rules}Unique(context, {value});");
                }

                var item = value + "_" + (depth + 1).ToString(CultureInfo.InvariantCulture);
                var index = "i" + item.Substring(1);
                var itemChecks = Checks(type.Element!, item, depth + 1, patterns);
                if (itemChecks.Count > 0)
                {
                    checks.Add($"for (var {index} = 0; {index} < {value}.Count; {index}++) {{ if ({value}[{index}] is {{ }} {item}) {{ context.Push({index}); {string.Join(" ", itemChecks)} context.Pop(); }} }}");
                }

                break;
            case ApiTypeKind.Map:
                if (constraints is { MinProperties: not null } or { MaxProperties: not null })
                {
                    checks.Add($"{Rules}Properties(context, {value}.Count, {Int(constraints.MinProperties)}, {Int(constraints.MaxProperties)});");
                }

                var entry = value + "_" + (depth + 1).ToString(CultureInfo.InvariantCulture);
                var valueChecks = Checks(type.Element!, entry, depth + 1, patterns);
                if (valueChecks.Count > 0)
                {
                    // Map values may be null whatever their schema says; only present ones are checked.
                    checks.Add($"{Rules}EachValue(context, {value}, static (context, r{entry.Substring(1)}) => {{ if (r{entry.Substring(1)} is {{ }} {entry}) {{ {string.Join(" ", valueChecks)} }} }});");
                }

                break;
        }

        return checks;
    }

    // The property's own constraints as data, in the order the built-in statements check them.
    private void AddRules(ApiProperty property, PropertyTemplateModel model)
    {
        var type = property.Type;
        var constraints = type.Constraints;
        if (property.Required && !property.ReadOnly && !property.WriteOnly)
        {
            model.Rules.Add(new RuleTemplateModel { Kind = "required" });
        }

        switch (type.Kind)
        {
            case ApiTypeKind.String when _types.Name(type) == "string":
                if (constraints is { MinLength: not null } or { MaxLength: not null })
                {
                    model.Rules.Add(new RuleTemplateModel { Kind = "length", Min = Int(constraints.MinLength), Max = Int(constraints.MaxLength) });
                }

                if (constraints?.Pattern is { } pattern)
                {
                    model.Rules.Add(new RuleTemplateModel { Kind = "pattern", Argument = pattern });
                }

                if (type.Format is { } format && CheckedFormats.Contains(format))
                {
                    model.Rules.Add(new RuleTemplateModel { Kind = "format", Argument = format });
                }

                break;
            case ApiTypeKind.Integer or ApiTypeKind.Number when constraints is not null:
                var suffix = _types.Name(type) is "double" or "float" ? "d" : "m";
                if (constraints.Minimum is not null || constraints.Maximum is not null)
                {
                    model.Rules.Add(new RuleTemplateModel { Kind = "range", Min = Number(constraints.Minimum, suffix), Max = Number(constraints.Maximum, suffix), ExclusiveMin = constraints.ExclusiveMinimum, ExclusiveMax = constraints.ExclusiveMaximum });
                }

                if (constraints.MultipleOf is { } step)
                {
                    model.Rules.Add(new RuleTemplateModel { Kind = "multiple_of", Argument = step + suffix });
                }

                break;
            case ApiTypeKind.Named when type.SchemaId is { } id && _lookup(id) is { } target:
                model.Rules.Add(new RuleTemplateModel { Kind = target.Kind is ApiSchemaKind.Enum or ApiSchemaKind.IntegerEnum ? "known" : "nested" });
                break;
            case ApiTypeKind.Array:
                if (constraints is { MinItems: not null } or { MaxItems: not null })
                {
                    model.Rules.Add(new RuleTemplateModel { Kind = "items", Min = Int(constraints.MinItems), Max = Int(constraints.MaxItems) });
                }

                if (constraints?.UniqueItems == true)
                {
                    model.Rules.Add(new RuleTemplateModel { Kind = "unique" });
                }

                break;
            case ApiTypeKind.Map when constraints is { MinProperties: not null } or { MaxProperties: not null }:
                model.Rules.Add(new RuleTemplateModel { Kind = "properties", Min = Int(constraints.MinProperties), Max = Int(constraints.MaxProperties) });
                break;
        }
    }

    private static bool IsSensitive(ApiProperty property) =>
        property.WriteOnly || property.Type.Format == "password"
        || SensitiveWords.Any(word => property.JsonName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0);

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Number(string? value, string suffix) => value is null ? "null" : value + suffix;

    private static string Bool(bool value) => value ? "true" : "false";
}
