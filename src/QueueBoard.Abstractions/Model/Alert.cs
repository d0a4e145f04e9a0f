namespace QueueBoard.Abstractions.Model;

/// <summary>
/// A condition the command centre should see: raised by a site grain from its own picture, gathered by the district
/// grain into the overview. <see cref="Id"/> is stable while the condition lasts; <see cref="Since"/> is when it began.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record Alert(
    [property: Id(0)] string Id,
    [property: Id(1)] string Kind,
    [property: Id(2)] string SiteId,
    [property: Id(3)] string? LaneId,
    [property: Id(4)] AlertSeverity Severity,
    [property: Id(5)] string Message,
    [property: Id(6)] DateTimeOffset Since)
{
    /// <summary>
    /// What the condition costs people, in person-minutes (people affected × minutes: of waiting, of pause, of silence);
    /// the command centre ranks alerts by it.
    /// </summary>
    [Id(7)] public int Impact { get; init; }

    /// <summary>When the command centre acknowledged it (someone is on it); null until then. Kept while the condition lasts.</summary>
    [Id(8)] public DateTimeOffset? AcknowledgedAt { get; init; }
}
