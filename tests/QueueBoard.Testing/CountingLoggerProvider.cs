using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace QueueBoard.Testing;

/// <summary>A logger provider that counts the characters the app logs (messages and exceptions) per category, for tests of log volume.</summary>
public sealed class CountingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentDictionary<string, long> _byCategory = new(StringComparer.Ordinal);
    private long _bytes;

    public long Bytes => Interlocked.Read(ref _bytes);

    /// <summary>The categories that logged most, for a failure message.</summary>
    /// <remarks>
    /// From the dictionary's own snapshot: LINQ copies it as a collection, which throws when a category is added meanwhile,
    /// and the app still logs while a test reads this.
    /// </remarks>
    public string Loudest(int count = 5) =>
        string.Join("; ", _byCategory.ToArray().OrderByDescending(c => c.Value).Take(count).Select(c => $"{c.Key}: {c.Value:N0}"));

    public ILogger CreateLogger(string categoryName) => new CountingLogger(this, categoryName);

    public void Dispose()
    {
    }

    internal void Count(string category, long characters)
    {
        Interlocked.Add(ref _bytes, characters);
        _byCategory.AddOrUpdate(category, characters, (_, total) => total + characters);
    }
}
