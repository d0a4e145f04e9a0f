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
    private readonly List<double> _ages = [];
    private readonly List<double> _gaps = [];
    private long _lastPushAt;

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

    /// <summary>
    /// A packed board push came: <paramref name="newestMs"/> is its <c>at</c>, the newest row's time on the server's
    /// clock (this machine's), so its age on arrival is the wait for the district's flush plus delivery, without the
    /// throttle's window.
    /// </summary>
    public void Pushed(long newestMs)
    {
        var age = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() - newestMs;
        var at = Stopwatch.GetTimestamp();
        lock (_steps)
        {
            _ages.Add(age);
            if (_lastPushAt != 0)
            {
                _gaps.Add(Stopwatch.GetElapsedTime(_lastPushAt, at).TotalMilliseconds);
            }

            _lastPushAt = at;
        }
    }

    /// <summary>Each board push's age on arrival (ms), and the time between one push and the next (ms).</summary>
    public (double[] Ages, double[] Gaps) Pushes()
    {
        lock (_steps)
        {
            return ([.. _ages], [.. _gaps]);
        }
    }

    /// <summary>Forgets the pushes so far: the watch's answers and the quiet spell before the drive are not measured.</summary>
    public void ForgetPushes()
    {
        lock (_steps)
        {
            _ages.Clear();
            _gaps.Clear();
            _lastPushAt = 0;
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
    public IEnumerable<double> Latencies(IReadOnlyList<List<long>> acks) => TimedLatencies(acks).Select(l => l.Ms);

    /// <summary>As <see cref="Latencies"/>, each with when its arrival was acknowledged (Stopwatch ticks).</summary>
    public IEnumerable<(long AckedAt, double Ms)> TimedLatencies(IReadOnlyList<List<long>> acks)
    {
        lock (_steps)
        {
            foreach (var (site, from, to, at) in _steps)
            {
                var acked = acks[site];
                for (var n = from + 1; n <= to && n <= acked.Count; n++)
                {
                    yield return (acked[n - 1], Math.Max(0, Stopwatch.GetElapsedTime(acked[n - 1], at).TotalMilliseconds));
                }
            }
        }
    }
}
