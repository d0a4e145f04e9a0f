using BenchmarkDotNet.Attributes;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Benchmarks;

/// <summary>
/// A lane event's whole way through the grains, as the web host sends it after validation: the site grain's duplicate
/// check and picture, the lane grain's apply and durable write, the district's board row. Priced against a grain call
/// that does nothing, and per event for a batch of one and a batch of a hundred.
/// </summary>
[MemoryDiagnoser]
public class EventPathBenchmarks
{
    private BenchmarkSilo _silo = null!;
    private ISiteGrain _site = null!;
    private IEchoGrain _echo = null!;
    private int _calls;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _silo = await BenchmarkSilo.StartAsync(lanes: 6);
        _site = _silo.Grains.GetGrain<ISiteGrain>(_silo.SiteId);
        _echo = _silo.Grains.GetGrain<IEchoGrain>(0);
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _silo.DisposeAsync();

    [Benchmark(Baseline = true, Description = "no-op grain call")]
    public Task<int> NoOpGrainCall() => _echo.Echo(_calls++);

    // Every event carries an id of its own, as leads' phones send them (a repeated id is a duplicate and costs less); making
    // it is measured too, at well under a microsecond.
    [Benchmark(Description = "1 event: site, lane, storage, district")]
    public Task<ApplyOutcome> OneEvent() => _site.Apply(_silo.NextBatch(1));

    [Benchmark(OperationsPerInvoke = 100, Description = "batch of 100, per event")]
    public Task<ApplyOutcome> BatchOf100() => _site.Apply(_silo.NextBatch(100));
}
