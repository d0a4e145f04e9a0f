using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Estimation;

/// <summary>
/// A lane's service rate: people served per second of busy time, exponentially weighted so that the last ~10 minutes
/// of serving count most. The clock runs only while the lane is open with people queued, so meal breaks, closed hours and
/// an empty queue neither dilute nor age the rate. Until the lane has served anyone the configured default service time
/// stands in, and afterwards it acts as a prior worth <see cref="PriorSeconds"/> of busy time, which keeps the first
/// minutes of a shift from swinging wildly. Method and worked examples: docs/ESTIMATION.md.
/// </summary>
public static class ServiceRateEstimator
{
    /// <summary>The decay time constant: a serve from 10 busy minutes ago weighs 1/e of one now.</summary>
    public static readonly double TimeConstantSeconds = TimeSpan.FromMinutes(10).TotalSeconds;

    /// <summary>How much busy time the default service time is worth once real serves come in.</summary>
    public static readonly double PriorSeconds = 60;

    /// <summary>The floor that keeps a stalled lane's wait finite (one person per 10 minutes).</summary>
    public static readonly double MinimumPerSecond = 1.0 / 600;

    /// <summary>
    /// The ceiling: no lane swabs one person every two seconds. A tally typed wrong ("served 1000" for 10) would otherwise
    /// post a crowded lane as a minute's wait for the next ten minutes and send residents to it; its people still count.
    /// </summary>
    public static readonly double MaximumPerSecond = 1.0 / 2;

    /// <summary>
    /// How long the rate clock runs on without any report from the lane. A phone that has lost its network sends nothing,
    /// and its lane must not look stalled meanwhile; the serves it sends late are counted when they come.
    /// </summary>
    public static readonly TimeSpan Silence = TimeSpan.FromMinutes(2);

    /// <summary>Moves the accumulators to <paramref name="now"/>; the time since the last step counts only if the lane was busy.</summary>
    public static ServiceRateState Advance(ServiceRateState state, DateTimeOffset now, bool wasBusy)
    {
        if (state.AsOf == DateTimeOffset.MinValue || now <= state.AsOf)
        {
            return state with { AsOf = now > state.AsOf ? now : state.AsOf };
        }

        if (!wasBusy || !state.HasServed)
        {
            return state with { AsOf = now };
        }

        var elapsed = (now - state.AsOf).TotalSeconds;
        var decay = Math.Exp(-elapsed / TimeConstantSeconds);
        return state with
        {
            WeightedServed = state.WeightedServed * decay,
            WeightedBusySeconds = (state.WeightedBusySeconds * decay) + (TimeConstantSeconds * (1 - decay)),
            AsOf = now,
        };
    }

    /// <summary>
    /// Counts people served <paramref name="age"/> before the state's current time (a lead's phone may send taps late);
    /// a late serve weighs what it would have weighed had it arrived on time.
    /// </summary>
    public static ServiceRateState AddServed(ServiceRateState state, int count, TimeSpan age = default) =>
        state with
        {
            WeightedServed = state.WeightedServed + (count * Math.Exp(-Math.Max(0, age.TotalSeconds) / TimeConstantSeconds)),
            HasServed = true,
        };

    /// <summary>The rate in people per minute at <paramref name="now"/>, for a lane that is busy when <paramref name="busy"/>.</summary>
    public static double PerMinute(ServiceRateState state, DateTimeOffset now, bool busy, double defaultServiceSeconds)
    {
        var prior = 1.0 / defaultServiceSeconds;
        if (!state.HasServed)
        {
            return prior * 60;
        }

        var readAt = state.AsOf != DateTimeOffset.MinValue && now - state.AsOf > Silence ? state.AsOf + Silence : now;
        var current = Advance(state, readAt, busy);
        var perSecond = (current.WeightedServed + (prior * PriorSeconds)) / (current.WeightedBusySeconds + PriorSeconds);
        return Math.Clamp(perSecond, MinimumPerSecond, MaximumPerSecond) * 60;
    }
}
