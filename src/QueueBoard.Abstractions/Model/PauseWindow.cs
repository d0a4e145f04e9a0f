namespace QueueBoard.Abstractions.Model;

/// <summary>
/// A planned pause (a meal break, a shift change) at a definite time, which a lane's wait already includes because the
/// wait runs into it; part of <see cref="LaneView"/>, so that a screen can say why the wait is longer than the queue suggests.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record PauseWindow([property: Id(0)] DateTimeOffset From, [property: Id(1)] DateTimeOffset To);
