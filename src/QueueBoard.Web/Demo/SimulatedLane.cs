namespace QueueBoard.Web.Demo;

/// <summary>The simulator's truth about one lane: how many people really stand in it and how fast its swabbers work.</summary>
public sealed class SimulatedLane(string id, bool green, double servicePerMinute, int breakOffsetMinutes)
{
    public string Id { get; } = id;
    public bool Green { get; } = green;
    public double ServicePerMinute { get; } = servicePerMinute;
    public int BreakOffsetMinutes { get; } = breakOffsetMinutes;
    public int Queue { get; set; }
    public string? ReportedStatus { get; set; }
    public DateTimeOffset NextHeadCount { get; set; }
}
