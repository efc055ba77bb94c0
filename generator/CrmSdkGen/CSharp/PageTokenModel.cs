namespace CrmSdkGen.CSharp;

/// <summary>How a sync adapter pages a list operation with string tokens.</summary>
/// <param name="Parameter">The C# name of the parameter the token goes into; null when the operation does not page.</param>
/// <param name="Argument">The expression of that parameter's value, from the token.</param>
/// <param name="Items">The expression of a page's items.</param>
/// <param name="Next">The expression of the next page's token (a string, or null on the last page).</param>
internal sealed record PageTokenModel(string? Parameter, string? Argument, string Items, string Next);
