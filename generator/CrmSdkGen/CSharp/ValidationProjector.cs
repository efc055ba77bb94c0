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
            var own = PropertyStatements(schema.Properties[i], properties[i], i, patterns);
            properties[i].ValidationStatements.AddRange(own);
            statements.AddRange(own);
        }

        return statements;
    }

    // A property's statements; its own constraints go to the template model's rules as data as well.
    private List<string> PropertyStatements(ApiProperty property, PropertyTemplateModel model, int index, List<CodecField> patterns)
    {
        var statements = new List<string>();
        var name = CSharpEscaping.CSharpString(property.JsonName);
        var isValueType = _types.IsValueType(property.Type);
        var mayBeNull = property.Type.Kind != ApiTypeKind.Any && (!isValueType || !(property.Required && !property.Type.Nullable));
        if (property.Required && !property.ReadOnly && !property.WriteOnly)
        {
            model.Rules.Add(new RuleTemplateModel { Kind = "required" });
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
            model.Rules.Add(new RuleTemplateModel { Kind = "nested" });
            statements.Add($"context.Nested({name}, {model.Field}{sensitive});");
            return statements;
        }

        // Pattern variables live in the whole method, so each property's are its own.
        var variable = "v" + index.ToString(CultureInfo.InvariantCulture);
        var checks = Checks(property.Type, variable, 0, patterns, model.Rules);
        if (checks.Count > 0)
        {
            var body = $"context.Push({name}{sensitive}); {string.Join(" ", checks)} context.Pop();";
            statements.Add(mayBeNull
                ? $"if ({model.Field} is {{ }} {variable}) {{ {body} }}"
                : $"if (Assigned.Has({model.Index})) {{ var {variable} = {model.Field}; {body} }}");
        }

        return statements;
    }

    // The checks of one value at the current path, in statements that read the variable "value"; at a property's own
    // level (rules given), each check is recorded as data too.
    private List<string> Checks(ApiType type, string value, int depth, List<CodecField> patterns, List<RuleTemplateModel>? rules = null)
    {
        var checks = new List<string>();
        var constraints = type.Constraints;
        switch (type.Kind)
        {
            case ApiTypeKind.String when _types.Name(type) == "string":
                if (constraints is { MinLength: not null } or { MaxLength: not null })
                {
                    checks.Add($"{Rules}Length(context, {value}, {Int(constraints.MinLength)}, {Int(constraints.MaxLength)});");
                    rules?.Add(new RuleTemplateModel { Kind = "length", Min = Int(constraints.MinLength), Max = Int(constraints.MaxLength) });
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
                    rules?.Add(new RuleTemplateModel { Kind = "pattern", Argument = pattern });
                }

                if (type.Format is { } format && CheckedFormats.Contains(format))
                {
                    checks.Add($"{Rules}Format(context, {value}, {CSharpEscaping.CSharpString(format)});");
                    rules?.Add(new RuleTemplateModel { Kind = "format", Argument = format });
                }

                break;
            case ApiTypeKind.Integer or ApiTypeKind.Number when constraints is not null:
                var binary = _types.Name(type) is "double" or "float";
                var suffix = binary ? "d" : "m";
                var operand = binary ? $"(double){value}" : $"(decimal){value}";
                if (constraints.Minimum is not null || constraints.Maximum is not null)
                {
                    checks.Add($"{Rules}Range(context, {operand}, {Number(constraints.Minimum, suffix)}, {Bool(constraints.ExclusiveMinimum)}, {Number(constraints.Maximum, suffix)}, {Bool(constraints.ExclusiveMaximum)});");
                    rules?.Add(new RuleTemplateModel { Kind = "range", Min = Number(constraints.Minimum, suffix), Max = Number(constraints.Maximum, suffix), ExclusiveMin = constraints.ExclusiveMinimum, ExclusiveMax = constraints.ExclusiveMaximum });
                }

                if (constraints.MultipleOf is { } step)
                {
                    checks.Add($"{Rules}MultipleOf(context, {operand}, {step}{suffix});");
                    rules?.Add(new RuleTemplateModel { Kind = "multiple_of", Argument = step + suffix });
                }

                break;
            case ApiTypeKind.Named when type.SchemaId is { } id && _lookup(id) is { } target:
                rules?.Add(new RuleTemplateModel { Kind = target.Kind is ApiSchemaKind.Enum or ApiSchemaKind.IntegerEnum ? "known" : "nested" });
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
                    rules?.Add(new RuleTemplateModel { Kind = "items", Min = Int(constraints.MinItems), Max = Int(constraints.MaxItems) });
                }

                if (constraints?.UniqueItems == true)
                {
                    checks.Add($"{Rules}Unique(context, {value});");
                    rules?.Add(new RuleTemplateModel { Kind = "unique" });
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
                    rules?.Add(new RuleTemplateModel { Kind = "properties", Min = Int(constraints.MinProperties), Max = Int(constraints.MaxProperties) });
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

    private static bool IsSensitive(ApiProperty property) =>
        property.WriteOnly || property.Type.Format == "password"
        || SensitiveWords.Any(word => property.JsonName.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0);

    private static string Int(int? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "null";

    private static string Number(string? value, string suffix) => value is null ? "null" : value + suffix;

    private static string Bool(bool value) => value ? "true" : "false";
}
