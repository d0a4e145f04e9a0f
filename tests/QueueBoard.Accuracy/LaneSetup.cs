using QueueBoard.Abstractions.Model;

namespace QueueBoard.Accuracy;

/// <summary>
/// One lane of a scenario: its swabber's mean service time (which may change during the day), its planned pauses as
/// configured in the site (local HH:mm, the same every day) and, for the lane-closing scenario, when it shuts for good.
/// </summary>
public sealed record LaneSetup(string Id, LaneKind Kind, double MeanServiceSeconds)
{
    /// <summary>A factor on the mean service time by minute of the scenario: a swabber tiring, a slower stand-in.</summary>
    public Func<double, double> SlowdownAt { get; init; } = _ => 1;

    /// <summary>Planned pauses of this lane as (from, to) minutes of the scenario, also configured in the site as breaks.</summary>
    public IReadOnlyList<(int From, int To)> Breaks { get; init; } = [];

    /// <summary>The minute the lane closes for good, its waiting people sent to the other lanes' ends.</summary>
    public int? ClosesAtMinute { get; init; }

    /// <summary>Minutes of the scenario during which this lane's lead phone is offline and keeps its taps in its outbox.</summary>
    public IReadOnlyList<(int From, int To)> Offline { get; init; } = [];
}
