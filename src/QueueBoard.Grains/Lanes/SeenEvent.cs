namespace QueueBoard.Grains.Lanes;

/// <summary>An event id a lane has applied and when, kept for 24 hours so that a retried event is not counted twice.</summary>
[GenerateSerializer, Immutable]
public readonly record struct SeenEvent([property: Id(0)] Guid Id, [property: Id(1)] DateTimeOffset AcceptedAt);
