using System.Diagnostics;

namespace CrmSdkGen.Runtime.Diagnostics;

/// <summary>
/// The OpenTelemetry source of generated clients: one client activity per call, named "{method} {path template}", with
/// the status and the number of attempts. Subscribe with <c>AddSource("CrmSdkGen")</c>.
/// </summary>
public static class ApiActivitySource
{
    /// <summary>The name to subscribe to.</summary>
    public const string Name = "CrmSdkGen";

    internal static ActivitySource Source { get; } = new(Name, typeof(ApiActivitySource).Assembly.GetName().Version?.ToString());
}
