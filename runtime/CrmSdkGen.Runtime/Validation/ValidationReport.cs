namespace CrmSdkGen.Runtime.Validation;

/// <summary>A reported validation: which call, which direction, and the result.</summary>
/// <param name="Direction">"request" or "response".</param>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathTemplate">The operation's path template.</param>
/// <param name="Result">The errors and corrections.</param>
public sealed record ValidationReport(string Direction, string Method, string PathTemplate, ValidationResult Result);
