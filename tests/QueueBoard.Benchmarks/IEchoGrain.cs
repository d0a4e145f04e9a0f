namespace QueueBoard.Benchmarks;

/// <summary>The baseline of <see cref="EventPathBenchmarks"/>: a grain call that does nothing, to price an event's path in calls.</summary>
public interface IEchoGrain : IGrainWithIntegerKey
{
    Task<int> Echo(int value);
}
