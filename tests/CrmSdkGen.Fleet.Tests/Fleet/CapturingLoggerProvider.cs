using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.Fleet.Tests.Fleet;

/// <summary>Keeps every log entry written through it, message, structured values and exception, as a logging backend would show them.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => _entries.ToList();

    public ILogger CreateLogger(string categoryName) => new Logger(this);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state as IReadOnlyList<KeyValuePair<string, object?>> ?? [];
            owner._entries.Enqueue($"{logLevel}: {formatter(state, exception)} {string.Join(" ", values.Select(pair => pair.Key + "=" + pair.Value))} {exception}");
        }
    }
}
