using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Publishing;

/// <summary>
/// Throttles a grain's pushes, as the contract asks: at most one per interval, the first change after a quiet spell pushed
/// at once, later ones gathered until the interval has passed, and the last state always pushed. The grain owns a one-shot
/// grain timer that runs its flush; this decides when that timer fires and whether a flush may push now.
/// </summary>
public sealed class PushThrottle(TimeSpan interval, DistrictClock clock)
{
    private readonly FlushTimer _flush = new(clock);
    private DateTimeOffset _lastPushAt = DateTimeOffset.MinValue;

    /// <summary>The grain's flush timer, created with infinite due time and period.</summary>
    public void Attach(IGrainTimer flushTimer) => _flush.Attach(flushTimer);

    /// <summary>Asks for a flush: at once if the last push is an interval old, else when it will be.</summary>
    public void Schedule() => _flush.FireAt(_lastPushAt + interval);

    /// <summary>Called first in every flush, however it was triggered.</summary>
    public void FlushStarted() => _flush.Fired();

    /// <summary>Whether a push may go now; if it may not, a flush is scheduled for when it may.</summary>
    public bool TryPush()
    {
        var now = clock.UtcNow;
        if (now - _lastPushAt < interval)
        {
            Schedule();
            return false;
        }

        _lastPushAt = now;
        return true;
    }
}
