namespace QueueBoard.Abstractions.Model;

/// <summary>
/// The accumulator of a lane's recent throughput: people served, decayed over wall-clock time as of <see cref="AsOf"/>.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ThroughputState([property: Id(0)] double WeightedServed, [property: Id(1)] DateTimeOffset AsOf)
{
    public static ThroughputState Empty { get; } = new(0, DateTimeOffset.MinValue);
}
