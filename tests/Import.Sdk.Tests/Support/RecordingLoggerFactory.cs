using Microsoft.Extensions.Logging;

namespace Import.Sdk.Tests.Support;

/// <summary>A logger factory that keeps every formatted message, to check what the SDK logs (and that cell values are not logged).</summary>
internal sealed class RecordingLoggerFactory : ILoggerFactory
{
    private readonly Lock _gate = new();

    public List<(string Category, LogLevel Level, string Message)> Entries { get; } = [];

    public void AddProvider(ILoggerProvider provider)
    {
    }

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(RecordingLoggerFactory owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (owner._gate)
            {
                owner.Entries.Add((category, logLevel, formatter(state, exception)));
            }
        }
    }
}
