namespace QueueBoard.Abstractions.Model;

/// <summary>
/// The accumulators of a lane's exponentially weighted service rate (see docs/ESTIMATION.md): people served and
/// seconds spent serving, both decayed over busy time only. Kept by the lane grain, evaluated by the site grain.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ServiceRateState(
    [property: Id(0)] double WeightedServed,
    [property: Id(1)] double WeightedBusySeconds,
    [property: Id(2)] bool HasServed,
    [property: Id(3)] DateTimeOffset AsOf)
{
    public static ServiceRateState Empty { get; } = new(0, 0, false, DateTimeOffset.MinValue);
}
