using System.Linq;
using Microsoft.OpenApi;

namespace CrmSdkGen.Model.Mapping;

/// <summary>
/// The naming rule for schemas: <c>x-crmsdkgen-name</c>, else the component key, else the schema's <c>title</c>, else
/// the resource it is the record of (<see cref="ResourceNaming"/>), else where it is first used.
/// </summary>
internal static class SchemaNames
{
    public const string Extension = "x-crmsdkgen-name";
    private const int MaxTitleLength = 80;
    private const int MaxTitleWords = 6;

    public static NameHint Choose(IOpenApiSchema schema, NameHint hint, bool isComponent, NameHint? suggested)
    {
        if (ExtensionName(schema) is { } named)
        {
            return new NameHint(named, NameHint.Extension);
        }

        if (isComponent)
        {
            return new NameHint(hint.Text, NameHint.Component);
        }

        if (IsNameLike(schema.Title) && !Repeats(hint.Text, schema.Title!))
        {
            return new NameHint(schema.Title!.Trim(), NameHint.Title);
        }

        return suggested is { } better && better.Rank < hint.Rank ? better : hint;
    }

    /// <summary>The name <c>x-crmsdkgen-name</c> gives, when it is a usable one.</summary>
    public static string? ExtensionName(IOpenApiSchema schema) =>
        SchemaFacts.ExtensionText(schema, Extension) is { } text && IsNameLike(text) ? text.Trim() : null;

    // A title that only repeats the property or position it stands at ("Properties", "Paging" under paging: Power
    // Platform connectors label every schema so) says less than the name made from where it stands.
    private static bool Repeats(string hint, string title)
    {
        var position = Letters(hint);
        var label = Letters(title);
        return label.Length > 0 && position.EndsWith(label, System.StringComparison.Ordinal);
    }

    private static string Letters(string text) => new(text.Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    // Titles name things ("personItem", "Deal", "Lead label"); sentences, examples and empty titles do not.
    private static bool IsNameLike(string? title) =>
        title is { Length: > 0 and <= MaxTitleLength } && title.Trim() is { Length: > 0 } trimmed
        && char.IsLetter(trimmed[0])
        && trimmed.All(c => char.IsLetterOrDigit(c) || c is ' ' or '_' or '-' or '.')
        && trimmed.Split(' ').Length <= MaxTitleWords;
}
