using QueueBoard.Abstractions.Model;

namespace QueueBoard.Accuracy;

/// <summary>
/// What one scenario run measured, in minutes: QueueBoard's posted waits against the waits people then had, beside the
/// two naive boards, the range's hit rate, and (for the steady scenario) the textbook mean wait. Also what the site grain
/// itself measured from counts alone, to check that number against the truth.
/// </summary>
public sealed record ScenarioResult(
    string Scenario,
    int Seed,
    int People,
    int WithoutPostedWait,
    double MeanActual,
    double MeanAbsoluteError,
    double Bias,
    double RangeHitRate,
    double NaiveConfiguredError,
    double NaiveRecentError,
    double? MeanPostedSettled,
    double? ErlangMeanWait,
    EstimateAccuracy? SelfMeasured)
{
    public double ErrorShare => MeanAbsoluteError / MeanActual;

    public double BiasShare => Bias / MeanActual;

    public double BetterNaiveError => Math.Min(NaiveConfiguredError, NaiveRecentError);

    /// <summary>How much lower QueueBoard's error is than the better naive board's: 0.3 means 30% lower.</summary>
    public double GainOverNaive => 1 - (MeanAbsoluteError / BetterNaiveError);

    public double? ErlangDeviation => ErlangMeanWait is { } erlang && MeanPostedSettled is { } posted ? (posted - erlang) / erlang : null;

    public static ScenarioResult From(Scenario scenario, int seed, IReadOnlyList<SimPerson> people, EstimateAccuracy? selfMeasured)
    {
        var served = people.Where(p => p.ActualMinutes is not null).ToList();
        var measured = served.Where(p => p.Posted is not null).ToList();
        var actual = measured.Select(p => p.ActualMinutes!.Value).ToList();

        double Error(Func<SimPerson, int?> posted) => measured.Average(p => Math.Abs(posted(p)!.Value - p.ActualMinutes!.Value));

        double? erlang = null;
        double? settled = null;
        if (scenario.ComparesWithErlang)
        {
            var lanes = scenario.Lanes;
            erlang = ErlangC.MeanWaitMinutes(lanes.Count, scenario.ArrivalsPerMinute(0), 60 / lanes[0].MeanServiceSeconds, scenario.ServiceVariation);
            settled = measured.Where(p => p.JoinedAt >= scenario.WarmUpMinutes * 60 && p.JoinedAt < scenario.Minutes * 60).Average(p => p.Posted!.Value);
        }

        return new ScenarioResult(
            scenario.Name,
            seed,
            measured.Count,
            served.Count - measured.Count,
            actual.Average(),
            Error(p => p.Posted),
            measured.Average(p => p.Posted!.Value - p.ActualMinutes!.Value),
            measured.Count(p => p.ActualMinutes >= p.PostedLow - 0.5 && p.ActualMinutes <= p.PostedHigh + 0.5) / (double)measured.Count,
            Error(p => p.NaiveConfigured),
            Error(p => p.NaiveRecent),
            settled,
            erlang,
            selfMeasured);
    }
}
