using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Estimation;

/// <summary>
/// A lane's recent throughput for the screens: people served per minute, exponentially weighted over wall-clock time
/// with a 5-minute time constant, so it falls towards zero when serving stops (unlike the service rate, which only
/// measures how fast a busy lane serves).
/// </summary>
public static class ThroughputMeter
{
    public static readonly double TimeConstantMinutes = 5;

    /// <summary>Counts people served at <paramref name="at"/>; a late report adds what is left of it by now.</summary>
    public static ThroughputState AddServed(ThroughputState state, int count, DateTimeOffset at, DateTimeOffset now)
    {
        var age = Math.Max(0, (now - at).TotalMinutes);
        return new(DecayedTo(state, now) + (count * Math.Exp(-age / TimeConstantMinutes)), now);
    }

    /// <summary>People per minute at <paramref name="now"/>, to one decimal.</summary>
    public static double PerMinute(ThroughputState state, DateTimeOffset now) =>
        Math.Round(DecayedTo(state, now) / TimeConstantMinutes, 1, MidpointRounding.AwayFromZero);

    private static double DecayedTo(ThroughputState state, DateTimeOffset now)
    {
        if (state.AsOf == DateTimeOffset.MinValue || now <= state.AsOf)
        {
            return state.WeightedServed;
        }

        return state.WeightedServed * Math.Exp(-(now - state.AsOf).TotalMinutes / TimeConstantMinutes);
    }
}
