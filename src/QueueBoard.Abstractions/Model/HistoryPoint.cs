namespace QueueBoard.Abstractions.Model;

/// <summary>
/// One minute of a site's history: arrivals and services within the minute, and the site's queue and wait at its end.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record HistoryPoint(
    [property: Id(0)] DateTimeOffset Minute,
    [property: Id(1)] int Arrived,
    [property: Id(2)] int Served,
    [property: Id(3)] int QueueLength,
    [property: Id(4)] int? WaitMinutes);
