namespace QueueBoard.Web.Limits;

/// <summary>
/// A token bucket for one hub connection's calls, kept in the connection's items: a few bytes and no timer per
/// connection, refilled from the clock when a call arrives. Calls on one connection arrive one at a time.
/// </summary>
public sealed class CallBudget(int perSecond, int burst, TimeProvider time)
{
    private double _tokens = burst;
    private long _refilledAt = time.GetTimestamp();

    public bool TrySpend()
    {
        var now = time.GetTimestamp();
        _tokens = Math.Min(burst, _tokens + (time.GetElapsedTime(_refilledAt, now).TotalSeconds * perSecond));
        _refilledAt = now;
        if (_tokens < 1)
        {
            return false;
        }

        _tokens--;
        return true;
    }
}
