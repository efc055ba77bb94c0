namespace CrmSdkGen.Tests.Conformance;

/// <summary>
/// The operations on which Prism's verdict says nothing of the request, each with its reason: Prism refuses every call
/// of them whatever is sent (the reasons <see cref="PrismExcusedCalls"/> lists for them), while the fake reads the
/// spec as the generator does.
/// </summary>
internal static class FakeVerdictExceptions
{
    private static readonly HashSet<string> PrismRefusesEveryCall = new(StringComparer.Ordinal) { PrismExcusedCalls.NoSchema, PrismExcusedCalls.NoConsumes };

    /// <summary>Why Prism cannot judge calls of <paramref name="operationKey"/> (METHOD /path) in <paramref name="spec"/>, or null when it can.</summary>
    public static string? Reason(string spec, string operationKey) =>
        PrismExcusedCalls.Calls.TryGetValue((spec, operationKey), out var reason) && PrismRefusesEveryCall.Contains(reason) ? reason : null;
}
