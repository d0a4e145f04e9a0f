using BenchmarkDotNet.Attributes;
using QueueBoard.Grains.Sites;

namespace QueueBoard.Benchmarks;

/// <summary>
/// What a site's 24-hour duplicate check costs per id held: filling it with a busy site's day of ids and checking each
/// again, in the <see cref="OrderedIdSet"/> it now uses against the hash set and queue of <see cref="Guid"/>s it used
/// before (the baseline). Allocations include the growth copies both make on the way, so they track what is held.
/// </summary>
[MemoryDiagnoser]
public class RecentIdsBenchmarks
{
    private Guid[] _ids = null!;

    [Params(100_000)]
    public int Ids { get; set; }

    [GlobalSetup]
    public void Setup() => _ids = Enumerable.Range(0, Ids).Select(_ => Guid.NewGuid()).ToArray();

    [Benchmark(Baseline = true)]
    public int HashSetAndQueue()
    {
        var set = new HashSet<Guid>();
        var order = new Queue<Guid>();
        foreach (var id in _ids)
        {
            if (set.Add(id))
            {
                order.Enqueue(id);
            }
        }

        return _ids.Count(set.Contains) + order.Count;
    }

    [Benchmark]
    public int OrderedIdSet()
    {
        var set = new OrderedIdSet();
        foreach (var id in _ids)
        {
            set.Add(id);
        }

        return _ids.Count(set.Contains) + set.Count;
    }
}
