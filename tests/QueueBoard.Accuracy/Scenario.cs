namespace QueueBoard.Accuracy;

/// <summary>
/// One day at one site as the harness plays it: its lanes, how fast people come by minute, what share of them go to a
/// green lane, and how often leads take a head count. Scenarios start at 08:00 local time.
/// </summary>
public sealed record Scenario(string Name, string Description, int Minutes, IReadOnlyList<LaneSetup> Lanes, Func<double, double> ArrivalsPerMinute)
{
    /// <summary>The local time the scenario's minute 0 is, in minutes after midnight.</summary>
    public const int StartsAtLocalMinute = 8 * 60;

    /// <summary>The share of arrivals entitled to the green lane (elderly, children, disabled) who use it when it is open.</summary>
    public double GreenShare { get; init; }

    /// <summary>Leads count each lane's queue this often (minutes), which corrects what taps missed; null for never.</summary>
    public int? HeadCountEveryMinutes { get; init; } = 30;

    /// <summary>Minutes from the start before the queue counts as settled, for the steady-state comparison.</summary>
    public int WarmUpMinutes { get; init; }

    /// <summary>Whether the mean posted wait is compared with the M/G/c mean wait (Erlang C) for the scenario's rates.</summary>
    public bool ComparesWithErlang { get; init; }

    /// <summary>The coefficient of variation of one swab.</summary>
    public double ServiceVariation { get; init; } = 0.35;

    /// <summary>Whether the scenario is one where the issue asks for a clear gain over the naive estimates.</summary>
    public bool MustBeatNaive { get; init; }
}
