namespace QueueBoard.Abstractions.Model;

/// <summary>One site as it stood at the end of a past minute, for the command centre's replay (<see cref="ReplayFrame"/>).</summary>
[GenerateSerializer, Immutable]
public sealed record ReplaySite(
    [property: Id(0)] string Id,
    [property: Id(1)] int QueueLength,
    [property: Id(2)] int? WaitMinutes,
    [property: Id(3)] int Arrived,
    [property: Id(4)] int Served);
