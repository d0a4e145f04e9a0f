namespace QueueBoard.Benchmarks;

/// <summary>Answers with what it was given; see <see cref="IEchoGrain"/>.</summary>
public sealed class EchoGrain : Grain, IEchoGrain
{
    public Task<int> Echo(int value) => Task.FromResult(value);
}
