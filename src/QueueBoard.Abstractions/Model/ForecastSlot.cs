namespace QueueBoard.Abstractions.Model;

/// <summary>
/// One half-hour of <see cref="WaitForecast"/>: the wait a person arriving then can expect, or null when the queue then
/// would not be served before the site's day ends.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ForecastSlot(
    [property: Id(0)] DateTimeOffset From,
    [property: Id(1)] DateTimeOffset To,
    [property: Id(2)] int? WaitMinutes);
