using System.Collections.Concurrent;

namespace QueueBoard.Web.Limits;

/// <summary>
/// Logs refused requests and hub calls briefly (one line, no stack trace) and sampled: the first few of each kind per
/// minute, then a single line saying the rest of that minute goes unlogged. A flood of bad requests costs a dozen lines
/// a minute, not a line each.
/// </summary>
public sealed class RefusalLog(ILogger<RefusalLog> logger, TimeProvider time)
{
    public const int LoggedPerMinute = 10;

    private readonly ConcurrentDictionary<string, (long Minute, int Count)> _counts = new(StringComparer.Ordinal);

    public void Refused(string kind, string detail)
    {
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var (_, count) = _counts.AddOrUpdate(kind, (minute, 1), (_, seen) => seen.Minute == minute ? (minute, seen.Count + 1) : (minute, 1));
        if (count <= LoggedPerMinute)
        {
            logger.LogInformation("Refused {Kind}: {Detail}", kind, detail);
        }
        else if (count == LoggedPerMinute + 1)
        {
            logger.LogWarning("Refused {Kind}: more than {Logged} this minute; the rest of this minute's are not logged", kind, LoggedPerMinute);
        }
    }
}
