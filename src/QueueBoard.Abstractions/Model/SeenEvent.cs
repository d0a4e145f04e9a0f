namespace QueueBoard.Abstractions.Model;

/// <summary>
/// An event id applied and when, kept for 24 hours so that a retried event is not counted twice: each lane grain stores the
/// ids of its own events durably, and its site grain gathers them into the site-wide set it checks every batch against.
/// </summary>
[GenerateSerializer, Immutable]
public readonly record struct SeenEvent([property: Id(0)] Guid Id, [property: Id(1)] DateTimeOffset AcceptedAt);
