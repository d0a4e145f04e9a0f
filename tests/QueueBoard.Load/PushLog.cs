using System.Diagnostics;

namespace QueueBoard.Load;

/// <summary>
/// What one timed watcher saw: each push that raised a site's queue, with when it came (Stopwatch ticks). Afterwards each
/// queue step is matched to the acknowledgement of the arrival that made it.
/// </summary>
public sealed class PushLog
{
    private readonly Dictionary<int, int> _seen = [];
    private readonly List<(int Site, int From, int To, long At)> _steps = [];

    public void Saw(int site, int queue)
    {
        var at = Stopwatch.GetTimestamp();
        lock (_steps)
        {
            var before = _seen.GetValueOrDefault(site);
            if (queue > before)
            {
                _seen[site] = queue;
                _steps.Add((site, before, queue, at));
            }
        }
    }

    public int SeenFor(int site)
    {
        lock (_steps)
        {
            return _seen.GetValueOrDefault(site);
        }
    }

    /// <summary>Milliseconds from each acknowledged arrival to this watcher's first push showing it (0 when the push came first).</summary>
    public IEnumerable<double> Latencies(IReadOnlyList<List<long>> acks)
    {
        lock (_steps)
        {
            foreach (var (site, from, to, at) in _steps)
            {
                var acked = acks[site];
                for (var n = from + 1; n <= to && n <= acked.Count; n++)
                {
                    yield return Math.Max(0, Stopwatch.GetElapsedTime(acked[n - 1], at).TotalMilliseconds);
                }
            }
        }
    }
}
