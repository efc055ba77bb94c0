using System.Reflection;
using System.Text;
using CrmSdkGen.CSharp.TemplateModels;
using CrmSdkGen.Tests.Support;

namespace CrmSdkGen.Tests.Generator;

/// <summary>docs/templates.md documents every template and every member of every template model.</summary>
public sealed class TemplateDocsTests
{
    [Fact]
    public void Every_template_and_every_model_member_is_documented()
    {
        var docs = File.ReadAllText(Path.Combine(RepositoryPaths.Root(), "docs", "templates.md"));
        var templates = typeof(FileToRender).Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith("CrmSdkGen.Templates.", StringComparison.Ordinal))
            .Select(name => name["CrmSdkGen.Templates.".Length..^".sbn".Length])
            .ToList();
        Assert.Equal(14, templates.Count);
        Assert.All(templates, template => Assert.Contains("### " + template, docs, StringComparison.Ordinal));

        var models = typeof(FileToRender).Assembly.GetTypes()
            .Where(type => type.Namespace == typeof(FileToRender).Namespace && type.Name.EndsWith("TemplateModel", StringComparison.Ordinal))
            .Append(typeof(CrmSdkGen.CSharp.TemplateModels.CodecField));
        var missing = models
            .SelectMany(type => type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(property => (type.Name, Member: SnakeCase(property.Name))))
            .Where(entry => !docs.Contains("`" + entry.Member + "`", StringComparison.Ordinal))
            .ToList();
        Assert.True(missing.Count == 0, "Not in docs/templates.md: " + string.Join(", ", missing.Select(entry => entry.Name + "." + entry.Member)));
    }

    // Scriban's member names: an upper-case letter after a lower-case one starts a new "_" word.
    private static string SnakeCase(string name)
    {
        var builder = new StringBuilder();
        var previousUpper = false;
        for (var i = 0; i < name.Length; i++)
        {
            var character = name[i];
            if (char.IsUpper(character))
            {
                if (i > 0 && !previousUpper)
                {
                    builder.Append('_');
                }

                builder.Append(char.ToLowerInvariant(character));
                previousUpper = true;
            }
            else
            {
                builder.Append(character);
                previousUpper = false;
            }
        }

        return builder.ToString();
    }
}
