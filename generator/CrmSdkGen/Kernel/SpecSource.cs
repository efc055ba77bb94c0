namespace CrmSdkGen.Kernel;

/// <summary>One spec as the project hands it in: path, text and the item's metadata.</summary>
/// <param name="Path">The spec file's path, used in diagnostics.</param>
/// <param name="Text">The spec's text.</param>
/// <param name="Namespace">The Namespace metadata, or empty for the default.</param>
/// <param name="ClientName">The ClientName metadata, or empty for the default.</param>
/// <param name="RootNamespace">The project's root namespace, for the default namespace.</param>
internal sealed record SpecSource(string Path, string Text, string Namespace, string ClientName, string RootNamespace)
{
    /// <summary>The project's other spec files that this one's $refs may point into.</summary>
    public EquatableArray<SpecFile> Siblings { get; init; }

    /// <summary>Whether the file is a document, a part of one or an unused fragment.</summary>
    public SpecRole Role { get; init; }

    /// <summary>The Baseline metadata as written (the previous version of the spec), or empty.</summary>
    public string BaselinePath { get; init; } = string.Empty;

    /// <summary>
    /// Whether generated files run the compiler's nullable analysis (<c>#nullable enable</c>, the project property
    /// <c>CrmSdkGenNullableWarnings</c>) instead of carrying annotations only.
    /// </summary>
    public bool NullableWarnings { get; init; }

    /// <summary>
    /// Whether the project builds an executable (OutputType Exe or WinExe) and has not set
    /// <c>CrmSdkGenSpecInExecutable</c> to <c>quiet</c>: a large spec there is compiled again on every edit of the app.
    /// </summary>
    public bool InExecutable { get; init; }

    /// <summary>The Include metadata: the operations kept (path globs with methods, tag:Name, operation ids), or empty for all.</summary>
    public string IncludeOperations { get; init; } = string.Empty;

    /// <summary>The Exclude metadata: the operations dropped, in the same notation.</summary>
    public string ExcludeOperations { get; init; } = string.Empty;

    /// <summary>The overlays that apply to this spec, in the project's item order.</summary>
    public EquatableArray<OverlayFile> Overlays { get; init; }

    /// <summary>The baseline's text, when <see cref="BaselinePath"/> names a file the project passed in.</summary>
    public SpecFile? Baseline { get; init; }
}
