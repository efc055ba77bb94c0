using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CrmSdkGen.EndToEnd.Tests;

/// <summary>Keeps every log entry written through it, formatted as a user's logging backend would show it.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string EventName, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> _entries = new();

    public IReadOnlyList<(string EventName, string Message, IReadOnlyList<KeyValuePair<string, object?>> State)> Entries => _entries.ToList();

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
            owner._entries.Enqueue((eventId.Name ?? string.Empty, formatter(state, exception) + (exception is null ? string.Empty : " " + exception), values));
        }
    }
}
