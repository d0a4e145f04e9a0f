namespace QueueBoard.Accuracy;

/// <summary>
/// The targets the estimates issue sets, checked for every scenario by the test suite and printed by the report: errors
/// as shares of the mean actual wait, the range's hit rate, the gain over the better naive board where the issue asks
/// for one, and agreement with the textbook wait in steady state.
/// </summary>
public static class AccuracyTargets
{
    public const double MaximumErrorShare = 0.15;

    /// <summary>
    /// Waits are shown in whole minutes, so rounding alone is off by up to half a minute: where waits are a minute or two
    /// (a steady flow below capacity), the error target is this many minutes rather than a share.
    /// </summary>
    public const double DisplayResolutionMinutes = 0.5;
    public const double MaximumBiasShare = 0.10;
    public const double MinimumRangeHitRate = 0.80;
    public const double MinimumGainOverNaive = 0.30;
    public const double MaximumErlangDeviation = 0.15;

    /// <summary>Every target the summary misses, in words; empty when it meets them all.</summary>
    public static IReadOnlyList<string> Missed(ScenarioSummary s)
    {
        var missed = new List<string>();
        if (s.MeanAbsoluteError > Math.Max(MaximumErrorShare * s.MeanActual, DisplayResolutionMinutes))
        {
            missed.Add($"error {s.ErrorShare:P0} of the mean wait (target at most {MaximumErrorShare:P0}, or {DisplayResolutionMinutes} min)");
        }

        if (Math.Abs(s.BiasShare * s.MeanActual) > Math.Max(MaximumBiasShare * s.MeanActual, DisplayResolutionMinutes / 2))
        {
            missed.Add($"bias {s.BiasShare:+0%;-0%} (target within ±{MaximumBiasShare:P0})");
        }

        if (s.RangeHitRate < MinimumRangeHitRate)
        {
            missed.Add($"range held {s.RangeHitRate:P0} of waits (target at least {MinimumRangeHitRate:P0})");
        }

        if (s.Scenario.MustBeatNaive && s.GainOverNaive < MinimumGainOverNaive)
        {
            missed.Add($"only {s.GainOverNaive:P0} lower error than the better naive board (target {MinimumGainOverNaive:P0})");
        }

        if (s.ErlangDeviation is { } deviation && Math.Abs(deviation) > MaximumErlangDeviation)
        {
            missed.Add($"mean posted wait {deviation:+0%;-0%} off the M/G/c wait (target within ±{MaximumErlangDeviation:P0})");
        }

        return missed;
    }
}
