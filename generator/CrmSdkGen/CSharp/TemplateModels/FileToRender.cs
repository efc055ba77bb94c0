namespace CrmSdkGen.CSharp.TemplateModels;

/// <summary>One output file: its hint name, the template that renders it and that template's model.</summary>
internal sealed class FileToRender
{
    public FileToRender(string hintName, string template, object model)
    {
        HintName = hintName;
        Template = template;
        Model = model;
    }

    public string HintName { get; }

    public string Template { get; }

    public object Model { get; }
}
