using System.Collections.Generic;
using System.Threading.Tasks;
using CrmSdkGen.Kernel;
using ScriptSpan = Scriban.Parsing.SourceSpan;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CrmSdkGen.Emit;

/// <summary>
/// What <c>{{ include 'Name' }}</c> reads inside a template: a partial the project lists as a <c>CrmSdkGenTemplate</c>
/// item (any name, such as <c>_Header.sbn</c>; the project's copy wins), else the built-in template of that name;
/// <c>builtin:Name</c> is always the built-in one. So overrides share pieces, and an override can render the built-in
/// template it replaces and add to it.
/// </summary>
internal sealed class TemplateLoader : ITemplateLoader
{
    private readonly IReadOnlyDictionary<string, TemplateOverride> _overrides;

    public TemplateLoader(IReadOnlyDictionary<string, TemplateOverride> overrides) => _overrides = overrides;

    public string GetPath(TemplateContext context, ScriptSpan callerSpan, string templateName) =>
        templateName.EndsWith(".sbn", System.StringComparison.Ordinal) ? templateName.Substring(0, templateName.Length - 4) : templateName;

    public string Load(TemplateContext context, ScriptSpan callerSpan, string templatePath)
    {
        const string BuiltIn = "builtin:";
        if (templatePath.StartsWith(BuiltIn, System.StringComparison.Ordinal))
        {
            var name = templatePath.Substring(BuiltIn.Length);
            return TemplateCatalog.TryReadSource(name) ?? throw new ScriptRuntimeException(callerSpan, $"There is no built-in template named '{name}'.");
        }

        if (_overrides.TryGetValue(templatePath, out var custom))
        {
            return custom.Text;
        }

        return TemplateCatalog.TryReadSource(templatePath)
            ?? throw new ScriptRuntimeException(callerSpan, $"No template named '{templatePath}' to include: list it as a CrmSdkGenTemplate item, or name a built-in template.");
    }

    public ValueTask<string?> LoadAsync(TemplateContext context, ScriptSpan callerSpan, string templatePath) =>
        new(Load(context, callerSpan, templatePath));
}
