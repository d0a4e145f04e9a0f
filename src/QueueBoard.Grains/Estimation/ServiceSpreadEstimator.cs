using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Estimation;

/// <summary>
/// A lane's service-time spread, learnt from how many people it serves per busy minute: for serving that runs like a
/// renewal process, the variance of that count over its mean (the index of dispersion) approaches the squared coefficient
/// of variation of one service time. Kept by the lane grain, read by <see cref="WaitEstimator"/> for the range of a wait.
/// </summary>
public static class ServiceSpreadEstimator
{
    /// <summary>Busy seconds per sample: one minute, the unit leads and screens think in.</summary>
    public const double WindowSeconds = 60;

    /// <summary>The squared coefficient of variation assumed until the lane has shown its own: swabbing varies moderately.</summary>
    public const double DefaultDispersion = 0.5;

    /// <summary>Samples needed before the lane's own spread replaces the default.</summary>
    public const int SamplesNeeded = 5;

    /// <summary>The weight of the newest sample once many have been seen: about the last half hour of busy minutes counts.</summary>
    private const double Smoothing = 1.0 / 30;

    /// <summary>Adds <paramref name="busySeconds"/> of serving in which <paramref name="served"/> people were served.</summary>
    public static ServiceSpreadState Record(ServiceSpreadState? state, double busySeconds, int served)
    {
        var s = state ?? ServiceSpreadState.Empty;
        var window = s with { WindowBusySeconds = s.WindowBusySeconds + Math.Max(0, busySeconds), WindowServed = s.WindowServed + served };
        if (window.WindowBusySeconds < WindowSeconds)
        {
            return window;
        }

        var perMinute = window.WindowServed * WindowSeconds / window.WindowBusySeconds;
        var weight = Math.Max(Smoothing, 1.0 / (s.Windows + 1));
        return new ServiceSpreadState(
            0,
            0,
            s.Mean + (weight * (perMinute - s.Mean)),
            s.MeanSquare + (weight * ((perMinute * perMinute) - s.MeanSquare)),
            s.Windows + 1);
    }

    /// <summary>The squared coefficient of variation of one service time, within sensible bounds.</summary>
    public static double Dispersion(ServiceSpreadState? state)
    {
        if (state is null || state.Windows < SamplesNeeded || state.Mean <= 0)
        {
            return DefaultDispersion;
        }

        var variance = Math.Max(0, state.MeanSquare - (state.Mean * state.Mean));
        return Math.Clamp(variance / state.Mean, 0.05, 4);
    }
}
