using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>A lane grain's answer to its share of a batch: which events it applied (the rest were duplicates) and its state after.</summary>
[GenerateSerializer, Immutable]
public sealed record LaneApplyResult(
    [property: Id(0)] ImmutableArray<bool> Applied,
    [property: Id(1)] LaneReading Reading);
