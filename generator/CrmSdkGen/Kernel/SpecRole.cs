namespace CrmSdkGen.Kernel;

/// <summary>What a listed spec file is to the project's other listed files.</summary>
internal enum SpecRole
{
    /// <summary>Not decided yet: the generator decides from the file and its siblings.</summary>
    Undecided,

    /// <summary>A whole OpenAPI or Swagger document: it becomes a client.</summary>
    Document,

    /// <summary>A fragment that a listed document refers to, directly or through other fragments: it becomes no client.</summary>
    Part,

    /// <summary>A fragment that no listed document refers to: it gets one warning and becomes no client.</summary>
    Unreferenced,
}
