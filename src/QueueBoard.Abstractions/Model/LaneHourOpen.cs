namespace QueueBoard.Abstractions.Model;

/// <summary>
/// How many minutes of one hour a lane was marked open by its lead, as a site keeps it for the week; the day reports sum
/// these per lane.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LaneHourOpen(
    [property: Id(0)] DateTimeOffset Hour,
    [property: Id(1)] string LaneId,
    [property: Id(2)] int Minutes);
