namespace QueueBoard.Grains.Sites;

/// <summary>
/// A site's queue length minute by minute over the last quarter hour, for <see cref="SiteAlerts"/>: a queue that is
/// longer than 5 minutes before, which was longer than 5 minutes before that, and so on, is growing faster than it is served.
/// </summary>
public sealed class QueueTrend(int minutes)
{
    private const int Step = 5;

    private readonly Dictionary<long, int> _byMinute = [];

    /// <summary>Records the queue now (null outside opening hours, which starts the trend again) and says whether it has grown throughout.</summary>
    public bool Record(DateTimeOffset now, int? queueLength)
    {
        var minute = now.ToUnixTimeSeconds() / 60;
        foreach (var old in _byMinute.Keys.Where(m => m < minute - minutes).ToList())
        {
            _byMinute.Remove(old);
        }

        if (queueLength is not { } queue)
        {
            _byMinute.Clear();
            return false;
        }

        _byMinute[minute] = queue;
        for (var back = Step; back <= minutes; back += Step)
        {
            if (!_byMinute.TryGetValue(minute - back, out var earlier)
                || _byMinute[minute - back + Step] <= earlier)
            {
                return false;
            }
        }

        return true;
    }
}
