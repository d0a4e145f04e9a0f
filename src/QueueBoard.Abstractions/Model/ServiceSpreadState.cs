namespace QueueBoard.Abstractions.Model;

/// <summary>
/// How unevenly a lane serves: people served per busy minute, averaged with exponential weights together with their
/// square, plus the busy minute being filled. Kept by the lane grain beside <see cref="ServiceRateState"/>; the site grain
/// turns it into the likely range of each wait (see docs/ESTIMATION.md).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record ServiceSpreadState(
    [property: Id(0)] double WindowBusySeconds,
    [property: Id(1)] double WindowServed,
    [property: Id(2)] double Mean,
    [property: Id(3)] double MeanSquare,
    [property: Id(4)] int Windows)
{
    public static ServiceSpreadState Empty { get; } = new(0, 0, 0, 0, 0);
}
