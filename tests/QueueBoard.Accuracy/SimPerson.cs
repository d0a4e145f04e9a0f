namespace QueueBoard.Accuracy;

/// <summary>
/// One simulated resident: when they joined, the waits shown to them then (QueueBoard's, its range, and the two naive
/// estimates), and when their swab began, which makes their actual wait. Seconds are counted from the scenario's start.
/// </summary>
public sealed class SimPerson(int joinedAt, bool green)
{
    public int JoinedAt { get; } = joinedAt;
    public bool Green { get; } = green;
    public int? Posted { get; set; }
    public int? PostedLow { get; set; }
    public int? PostedHigh { get; set; }
    public int? NaiveConfigured { get; set; }
    public int? NaiveRecent { get; set; }
    public double? ServiceStart { get; set; }

    public double? ActualMinutes => ServiceStart is { } start ? (start - JoinedAt) / 60 : null;
}
