namespace QueueBoard.Accuracy;

/// <summary>One scenario's runs over several seeds, pooled person by person (each run weighted by the people it measured).</summary>
public sealed record ScenarioSummary(Scenario Scenario, IReadOnlyList<ScenarioResult> Runs)
{
    public int People => Runs.Sum(r => r.People);

    public double MeanActual => Weighted(r => r.MeanActual);

    public double ErrorShare => Weighted(r => r.MeanAbsoluteError) / MeanActual;

    public double BiasShare => Weighted(r => r.Bias) / MeanActual;

    public double RangeHitRate => Weighted(r => r.RangeHitRate);

    public double MeanAbsoluteError => Weighted(r => r.MeanAbsoluteError);

    public double NaiveConfiguredError => Weighted(r => r.NaiveConfiguredError);

    public double NaiveRecentError => Weighted(r => r.NaiveRecentError);

    public double GainOverNaive => 1 - (MeanAbsoluteError / Math.Min(NaiveConfiguredError, NaiveRecentError));

    public double? ErlangDeviation =>
        Runs[0].ErlangMeanWait is { } erlang ? (Runs.Average(r => r.MeanPostedSettled!.Value) - erlang) / erlang : null;

    public double? SelfMeasuredError =>
        Runs.All(r => r.SelfMeasured is not null) ? Runs.Average(r => r.SelfMeasured!.MeanErrorMinutes) : null;

    private double Weighted(Func<ScenarioResult, double> value) => Runs.Sum(r => value(r) * r.People) / People;
}
