using System.Collections.Generic;
using CrmSdkGen.Kernel;
using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CrmSdkGen.Emit;

/// <summary>
/// Stage 4: renders one template model with its template, the project's override where it has one. Output is code, so
/// nothing is HTML-escaped; members a template names must exist, so a misspelt one is an error, not an empty string.
/// </summary>
internal sealed class TemplateRenderer
{
    private readonly ScriptObject _functions = TemplateFunctions.Create();
    private readonly Dictionary<string, TemplateOverride> _overrides = new();
    private readonly Dictionary<string, Template> _parsed = new();

    // Partials parsed by an include, kept across the files this renderer renders (a new context each time).
    private readonly Dictionary<string, Template> _included = new();
    private readonly string _nullableContext;
    private readonly TemplateLoader _loader;

    /// <param name="overrides">The project's template overrides.</param>
    /// <param name="nullableWarnings">
    /// Whether files run the compiler's nullable analysis. Without it they carry the annotations only, as
    /// System.Text.Json's generated code does: the analysis re-proves code the generator's own tests already prove
    /// null-safe on every spec of its corpus, and costs about a quarter of the consumer's compile time on large specs.
    /// </param>
    public TemplateRenderer(IEnumerable<TemplateOverride>? overrides = null, bool nullableWarnings = false)
    {
        _nullableContext = nullableWarnings ? "#nullable enable" : "#nullable enable annotations\n#nullable disable warnings";
        foreach (var template in overrides ?? System.Array.Empty<TemplateOverride>())
        {
            _overrides[template.Name] = template;
        }

        _loader = new TemplateLoader(_overrides);
    }

    /// <summary>Renders with the override of <paramref name="templateName"/> if there is one, else the built-in template.</summary>
    /// <exception cref="TemplateOverrideException">The override failed; <see cref="RenderBuiltIn"/> still works.</exception>
    /// <exception cref="TemplateFailureException">The built-in template failed.</exception>
    public string Render(string templateName, object model)
    {
        if (!_overrides.TryGetValue(templateName, out var custom))
        {
            return RenderBuiltIn(templateName, model);
        }

        if (!_parsed.TryGetValue(templateName, out var template))
        {
            template = Template.Parse(custom.Text, custom.Path);
            if (template.HasErrors)
            {
                var first = template.Messages[0];
                throw new TemplateOverrideException(custom, first.Span.Start.Line, first.Span.Start.Column, first.Message, null);
            }

            _parsed[templateName] = template;
        }

        try
        {
            return Run(template, model);
        }
        catch (ScriptRuntimeException exception)
        {
            throw new TemplateOverrideException(custom, exception.Span.Start.Line, exception.Span.Start.Column, exception.OriginalMessage, exception);
        }
    }

    public string RenderBuiltIn(string templateName, object model)
    {
        try
        {
            return Run(TemplateCatalog.Get(templateName), model);
        }
        catch (ScriptRuntimeException exception)
        {
            throw new TemplateFailureException(templateName, exception.Span.Start.Line, exception.Span.Start.Column, exception.OriginalMessage, exception);
        }
    }

    private string Run(Template template, object model)
    {
        var globals = new ScriptObject();
        globals["model"] = model;
        globals["nullable_context"] = _nullableContext;
        var context = new TemplateContext
        {
            StrictVariables = true,
            EnableRelaxedMemberAccess = false,
            LoopLimit = int.MaxValue,
            LimitToString = 0,
            NewLine = "\n",
            TemplateLoader = _loader,
        };
        foreach (var pair in _included)
        {
            context.CachedTemplates[pair.Key] = pair.Value;
        }

        context.PushGlobal(_functions);
        context.PushGlobal(globals);
        var text = template.Render(context).Replace("\r\n", "\n");
        foreach (var pair in context.CachedTemplates)
        {
            _included[pair.Key] = pair.Value;
        }

        return text;
    }
}
