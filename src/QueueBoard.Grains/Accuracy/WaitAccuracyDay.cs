using QueueBoard.Abstractions.Model;

using QueueBoard.Grains.Persistence;

namespace QueueBoard.Grains.Accuracy;

/// <summary>
/// A site's tally of posted against actual waits for one district day, kept as the site grain's own small state and
/// written once a minute: a count, two sums and a histogram of whole-minute errors, the same size however many people came.
/// </summary>
[GenerateSerializer]
public sealed class WaitAccuracyDay : IDirtyTracked
{
    /// <summary>Errors of this many minutes or more share the last bucket.</summary>
    public const int HistogramMinutes = 60;

    /// <summary>Fewer people than this say too little about a day's estimates to show.</summary>
    public const int MinimumMeasured = 20;

    /// <summary>The share of people the shown error bound covers: "8 in 10".</summary>
    public const double Covered = 0.8;

    [Id(0)] public DateOnly Day { get; set; }
    [Id(1)] public int Measured { get; set; }
    [Id(2)] public double SumAbsoluteError { get; set; }
    [Id(3)] public double SumError { get; set; }
    [Id(4)] public int[] Histogram { get; set; } = new int[HistogramMinutes + 1];

    [NonSerialized]
    private bool _isDirty;

    /// <summary>Set by every change and cleared by the grain once written; never stored.</summary>
    public bool IsDirty
    {
        get => _isDirty;
        set => _isDirty = value;
    }

    /// <summary>Counts <paramref name="people"/> served on <paramref name="day"/> whose posted wait was off by <paramref name="errorMinutes"/>.</summary>
    public void Add(DateOnly day, int people, double errorMinutes)
    {
        if (day < Day)
        {
            return;
        }

        if (day > Day)
        {
            Day = day;
            Measured = 0;
            SumAbsoluteError = 0;
            SumError = 0;
            Histogram = new int[HistogramMinutes + 1];
        }

        Measured += people;
        SumAbsoluteError += people * Math.Abs(errorMinutes);
        SumError += people * errorMinutes;
        Histogram[(int)Math.Min(HistogramMinutes, Math.Round(Math.Abs(errorMinutes), MidpointRounding.AwayFromZero))] += people;
        IsDirty = true;
    }

    /// <summary>Today's accuracy as the screens show it, or null when the tally is for another day or too small.</summary>
    public EstimateAccuracy? For(DateOnly today)
    {
        if (Day != today || Measured < MinimumMeasured)
        {
            return null;
        }

        var covered = 0;
        var within = 0;
        while (within < HistogramMinutes && (covered += Histogram[within]) < Covered * Measured)
        {
            within++;
        }

        return new EstimateAccuracy(
            Measured,
            Math.Max(1, within),
            Math.Round(SumAbsoluteError / Measured, 1, MidpointRounding.AwayFromZero),
            Math.Round(SumError / Measured, 1, MidpointRounding.AwayFromZero));
    }
}
