using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Tracker.Tests.Support;

/// <summary>
/// The warnings and errors an app instance logged, kept so a failing test can say what the app saw (the
/// console output of dozens of instances in one test run cannot be told apart). The latest 200 only.
/// </summary>
public sealed class RecordedWarnings : ILoggerProvider
{
    readonly ConcurrentQueue<string> _entries = new();

    public IReadOnlyList<string> Entries => [.. _entries];

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    void Add(string entry)
    {
        _entries.Enqueue(entry);
        while (_entries.Count > 200) _entries.TryDequeue(out _);
    }

    sealed class Logger(RecordedWarnings log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (!IsEnabled(logLevel)) return;
            log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)}" +
                (exception is null ? "" : $" ({exception.GetType().Name}: {exception.Message})"));
        }
    }
}
