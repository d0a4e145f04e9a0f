using Microsoft.Extensions.Logging;

namespace QueueBoard.Testing;

/// <summary>One category's logger for <see cref="CountingLoggerProvider"/>: counts what is enabled at Information and above.</summary>
internal sealed class CountingLogger(CountingLoggerProvider provider, string category) : ILogger
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            provider.Count(category, formatter(state, exception).Length + (exception?.ToString().Length ?? 0));
        }
    }
}
