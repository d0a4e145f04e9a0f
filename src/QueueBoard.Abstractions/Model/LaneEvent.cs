namespace QueueBoard.Abstractions.Model;

/// <summary>
/// One validated lane event on its way from the HTTP API (or the demo simulator) through the site grain to a lane grain.
/// <see cref="Count"/> is unused for status events; <see cref="Status"/> is set only for them.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record LaneEvent(
    [property: Id(0)] Guid? Id,
    [property: Id(1)] string Lane,
    [property: Id(2)] LaneEventType Type,
    [property: Id(3)] int Count,
    [property: Id(4)] LaneStatus? Status,
    [property: Id(5)] DateTimeOffset At);
