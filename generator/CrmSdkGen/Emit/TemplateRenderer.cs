using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CrmSdkGen.Emit;

/// <summary>Stage 4: renders one template model with its template. Output is code, so nothing is HTML-escaped.</summary>
internal sealed class TemplateRenderer
{
    private readonly ScriptObject _functions = TemplateFunctions.Create();

    public string Render(string templateName, object model)
    {
        var template = TemplateCatalog.Get(templateName);
        var globals = new ScriptObject();
        globals["model"] = model;
        var context = new TemplateContext
        {
            StrictVariables = true,
            LoopLimit = int.MaxValue,
            LimitToString = 0,
            NewLine = "\n",
        };
        context.PushGlobal(_functions);
        context.PushGlobal(globals);
        try
        {
            return template.Render(context).Replace("\r\n", "\n");
        }
        catch (ScriptRuntimeException exception)
        {
            throw new TemplateFailureException(templateName, exception.Span.Start.Line, exception.Span.Start.Column, exception.OriginalMessage, exception);
        }
    }
}
