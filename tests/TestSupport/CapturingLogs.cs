using Microsoft.Extensions.Logging;

namespace AgentP.TestSupport;

/// <summary>Keeps every formatted log line of every category, to prove what the app does (not) write to its logs.</summary>
public sealed class CapturingLogs : ILoggerProvider
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lines) return [.. _lines];
        }
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose() { }

    private sealed class Logger(CapturingLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => true;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (logs._lines) logs._lines.Add($"{category}: {formatter(state, exception)} {exception}");
        }
    }
}
