using System.Diagnostics;

namespace QueueBoard.Load;

/// <summary>
/// How every kind of watcher is opened: 32 at a time, which the hubs take without refusing, each kept in a shared list
/// as soon as it watches, with progress every thousand.
/// </summary>
public static class ConnectionOpening
{
    /// <summary>Opens numbers <paramref name="from"/> to <paramref name="to"/> (exclusive); returns the seconds it took.</summary>
    public static async Task<double> OpenAsync<T>(int from, int to, List<T> opened, Func<int, Task<T>> open, string what, Action<string> progress)
    {
        var clock = Stopwatch.StartNew();
        var next = from;
        await Task.WhenAll(Enumerable.Range(0, 32).Select(async _ =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next) - 1) < to)
            {
                var connection = await open(index);
                lock (opened)
                {
                    opened.Add(connection);
                    if (opened.Count % 1000 == 0)
                    {
                        progress($"{opened.Count:N0}/{to - from:N0} {what} connected");
                    }
                }
            }
        }));
        return clock.Elapsed.TotalSeconds;
    }
}
