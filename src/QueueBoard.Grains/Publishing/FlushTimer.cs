using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Publishing;

/// <summary>
/// A grain's one-shot flush timer, for the throttles that decide when a push may go (<see cref="PushThrottle"/> for a
/// site's picture and the overview, <c>BoardPushRota</c> for the board): set once for the time they name, and not set
/// again until the flush it starts has begun, however many changes ask for one meanwhile.
/// </summary>
public sealed class FlushTimer(DistrictClock clock)
{
    private IGrainTimer? _timer;

    /// <summary>Whether a flush is already set to come.</summary>
    public bool Set { get; private set; }

    /// <summary>The grain's flush timer, created with infinite due time and period.</summary>
    public void Attach(IGrainTimer flushTimer) => _timer = flushTimer;

    /// <summary>Sets the flush for <paramref name="due"/>, or at once if that has passed; nothing if one is already set.</summary>
    public void FireAt(DateTimeOffset due)
    {
        if (Set || _timer is null)
        {
            return;
        }

        var wait = due - clock.UtcNow;
        _timer.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        Set = true;
    }

    /// <summary>Called first in every flush, however it was triggered.</summary>
    public void Fired() => Set = false;
}
