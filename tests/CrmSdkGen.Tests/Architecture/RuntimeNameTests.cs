using System.Reflection;
using System.Text.RegularExpressions;
using CrmSdkGen.CSharp;
using CrmSdkGen.Model;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Architecture;

/// <summary>
/// Every runtime type the generator names, in its tables and in its templates, is a type of the runtime (with the member
/// that follows it, where one does): a runtime type moved or renamed fails here, at the line that names it.
/// </summary>
public sealed partial class RuntimeNameTests
{
    private static readonly Assembly Runtime = typeof(CrmSdkGen.Runtime.Json.ApiModel).Assembly;

    [Fact]
    public void Every_runtime_name_in_the_generator_s_table_is_a_runtime_type_or_namespace()
    {
        var names = typeof(RuntimeTypes).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (Field: field.Name, Value: (string)field.GetRawConstantValue()!))
            .ToList();

        Assert.True(names.Count > 20, "The table of runtime names is empty.");
        Assert.All(names, name => Assert.True(Resolves(name.Value.TrimEnd('.')), $"RuntimeTypes.{name.Field} = {name.Value} names nothing in the runtime."));
    }

    [Fact]
    public void Every_runtime_name_in_the_templates_is_a_runtime_type_with_that_member()
    {
        var templates = Path.Combine(RepositoryPaths.Root(), "generator", "CrmSdkGen", "Emit", "Templates");
        var unresolved = new List<string>();
        var seen = 0;
        foreach (var file in Directory.GetFiles(templates, "*.sbn"))
        {
            var lines = File.ReadAllLines(file);
            for (var line = 0; line < lines.Length; line++)
            {
                foreach (Match match in RuntimeName().Matches(lines[line]))
                {
                    seen++;
                    if (!Resolves(match.Groups["name"].Value))
                    {
                        unresolved.Add($"{Path.GetFileName(file)}:{line + 1}: {match.Value}");
                    }
                }
            }
        }

        Assert.True(seen > 40, $"Only {seen} runtime names were found in the templates.");
        Assert.True(unresolved.Count == 0, "Names the runtime does not have:\n" + string.Join("\n", unresolved));
    }

    [Fact]
    public void Every_security_kind_of_the_generator_maps_onto_the_runtime_s_and_every_runtime_kind_is_reached()
    {
        var mapped = Enum.GetValues<ApiSecurityKind>().Select(RuntimeTypes.SecuritySchemeKind).ToList();

        Assert.All(mapped, name => Assert.True(Enum.TryParse<CrmSdkGen.Runtime.Auth.SecuritySchemeKind>(name, out _), $"The runtime has no SecuritySchemeKind.{name}."));
        Assert.Equal(Enum.GetNames<CrmSdkGen.Runtime.Auth.SecuritySchemeKind>().Order(StringComparer.Ordinal), mapped.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_name_the_runtime_does_not_have_is_not_taken_for_one()
    {
        Assert.True(Resolves("CrmSdkGen.Runtime.Json.JsonCodecs.String"));
        Assert.True(Resolves("CrmSdkGen.Runtime.Json"));
        Assert.False(Resolves("CrmSdkGen.Runtime.Json.FileContentCodec"));
        Assert.False(Resolves("CrmSdkGen.Runtime.Json.JsonCodecs.Strings"));
    }

    // A dotted name resolves when its longest prefix that is a runtime type has the next segment as a member (or nested
    // type), or when the whole name is a runtime namespace.
    private static bool Resolves(string name)
    {
        name = name.Replace("global::", string.Empty, StringComparison.Ordinal);
        var parts = name.Split('.');
        for (var length = parts.Length; length > 0; length--)
        {
            var typeName = string.Join(".", parts.Take(length));
            var type = Runtime.GetTypes().FirstOrDefault(candidate => candidate.FullName is { } full && (full == typeName || full.StartsWith(typeName + "`", StringComparison.Ordinal)));
            if (type is null)
            {
                continue;
            }

            return length == parts.Length
                || type.GetMember(parts[length], BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance).Length > 0
                || type.GetNestedTypes().Any(nested => nested.Name == parts[length] || nested.Name.StartsWith(parts[length] + "`", StringComparison.Ordinal));
        }

        return Runtime.GetTypes().Any(type => type.Namespace == name);
    }

    [GeneratedRegex(@"global::(?<name>CrmSdkGen\.Runtime(\.[A-Z]\w*)+)")]
    private static partial Regex RuntimeName();
}
