namespace CrmSdkGen.Kernel;

/// <summary>A template file of the project that replaces the built-in template of the same name.</summary>
/// <param name="Name">The template's name: the file name without ".sbn" (Model, Group, Client, ...).</param>
/// <param name="Path">The file's path, where its errors are reported.</param>
/// <param name="Text">The template's text.</param>
/// <param name="Spec">The spec file name (or path) it is limited to; empty for every spec of the project.</param>
internal sealed record TemplateOverride(string Name, string Path, string Text, string Spec)
{
    /// <summary>Whether the override applies to the spec at <paramref name="specPath"/>.</summary>
    public bool AppliesTo(string specPath)
    {
        if (Spec.Length == 0)
        {
            return true;
        }

        var normalised = specPath.Replace('\\', '/');
        var wanted = Spec.Replace('\\', '/').TrimStart('.', '/');
        return normalised.EndsWith("/" + wanted, System.StringComparison.OrdinalIgnoreCase) || string.Equals(normalised, wanted, System.StringComparison.OrdinalIgnoreCase);
    }
}
