using Microsoft.Extensions.Logging;

namespace CrmSdkGen.Tests.Runtime;

/// <summary>A logger that keeps each event's name and structured values.</summary>
internal sealed class RecordingLogger : ILogger
{
    public List<(string Event, Dictionary<string, object?> Values)> Events { get; } = new();

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = (state as IEnumerable<KeyValuePair<string, object?>>)?.ToDictionary(pair => pair.Key, pair => pair.Value) ?? new();
        Events.Add((eventId.Name ?? string.Empty, values));
    }
}
