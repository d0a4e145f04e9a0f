using QueueBoard.Grains.Publishing;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.District;

/// <summary>
/// Decides, for the district grain, when each group of board watchers (<see cref="BoardShards"/>) takes its next push: as
/// the contract asks, at most once per window for any one group, the first change after a quiet spell pushed at once,
/// the last state always pushed. While writing a push is quick (a round of every group under a twentieth of the window),
/// groups that are due go together in one push, as one group would. Once a round takes longer (a crowd of phones on this
/// node), the groups take turns spaced evenly across the window, so that each write is an eighth of the crowd and no
/// phone, wall or arrival waits behind the whole of it. Groups in step draw apart a little each second rather than all at
/// once, so spreading never holds a group back more than a twentieth of the window. The grain owns a one-shot timer that
/// runs its flush; this decides when that timer fires and which groups a flush pushes to, and remembers the board version
/// each group last took.
/// </summary>
public sealed class BoardPushRota(TimeSpan interval, DistrictClock clock)
{
    private readonly DateTimeOffset[] _pushedAt = Enumerable.Repeat(DateTimeOffset.MinValue, BoardShards.Count).ToArray();
    private readonly long[] _pushedVersion = new long[BoardShards.Count];
    private readonly TimeSpan[] _writeTook = new TimeSpan[BoardShards.Count];
    private readonly FlushTimer _flush = new(clock);
    private DateTimeOffset _turnAt = DateTimeOffset.MinValue;
    private bool _spread;

    // The time between two groups' turns while writes are slow; nothing while they are quick.
    private TimeSpan Spacing => _spread ? interval / BoardShards.Count : TimeSpan.Zero;

    /// <summary>The grain's flush timer, created with infinite due time and period.</summary>
    public void Attach(IGrainTimer flushTimer) => _flush.Attach(flushTimer);

    /// <summary>Asks for a flush when the next group may take a push of <paramref name="boardVersion"/>; none if all hold it.</summary>
    public void Schedule(long boardVersion)
    {
        // Checked first: every arrival at the district asks.
        if (_flush.Set)
        {
            return;
        }

        var next = Oldest();
        if (_pushedVersion[next] < boardVersion)
        {
            _flush.FireAt(DueAt(next));
        }
    }

    /// <summary>Called first in every flush, however it was triggered.</summary>
    public void FlushStarted() => _flush.Fired();

    /// <summary>
    /// The groups that may take a push of <paramref name="boardVersion"/> now, and the oldest version any of them holds
    /// (the push carries what changed after it); empty, with a flush scheduled, when none may yet.
    /// </summary>
    public (IReadOnlyList<int> Shards, long Since) Take(long boardVersion)
    {
        var now = clock.UtcNow;
        var shards = new List<int>(BoardShards.Count);
        var since = long.MaxValue;
        var turn = now;

        // Oldest first: while writes are slow only the first is due, the others a spacing after it.
        foreach (var shard in Enumerable.Range(0, BoardShards.Count).OrderBy(s => _pushedAt[s]))
        {
            var due = DueAt(shard);
            if (_pushedVersion[shard] >= boardVersion || due > now)
            {
                continue;
            }

            turn = due < turn ? due : turn;
            shards.Add(shard);
            since = Math.Min(since, _pushedVersion[shard]);
            if (Spacing > TimeSpan.Zero)
            {
                break;
            }
        }

        if (shards.Count == 0)
        {
            Schedule(boardVersion);
            return ([], 0);
        }

        foreach (var shard in shards)
        {
            _pushedAt[shard] = now;
            _pushedVersion[shard] = boardVersion;
        }

        // Turns are counted from when they were due, so that a flush that runs late (a busy node) does not make every later
        // turn late too and stretch each group's second by eight times the delay; a turn long overdue counts from a little
        // before now, so the groups after a quiet spell still go a spacing apart.
        var spacing = Spacing;
        _turnAt = turn > now - (spacing / 2) ? turn : now - (spacing / 2);
        return (shards, since);
    }

    /// <summary>How long the push to <paramref name="shards"/> took to write, shared among them.</summary>
    public void Written(IReadOnlyList<int> shards, TimeSpan took)
    {
        foreach (var shard in shards)
        {
            _writeTook[shard] = took / shards.Count;
        }

        // Spread from a round (the last write to each group, added up) of a twentieth of the window, together again below a
        // fortieth: each change of mind holds some groups back once, so a crowd near the line must not flip it push after
        // push.
        var round = _writeTook.Aggregate(TimeSpan.Zero, (sum, took) => sum + took);
        _spread = _spread ? round >= interval / 40 : round >= interval / 20;
    }

    // A group is held for its turn at most a twentieth of the window past its own due time: groups that are in step (a
    // crowd that arrived at once, a quiet spell) draw apart over a few seconds, never holding anyone back a whole window.
    private DateTimeOffset DueAt(int shard)
    {
        var own = _pushedAt[shard] + interval;
        var turn = _turnAt + Spacing;
        var held = own + (interval / 20);
        return turn <= own ? own : turn < held ? turn : held;
    }

    // The group that has waited longest holds the oldest version, so it is the first due.
    private int Oldest()
    {
        var oldest = 0;
        for (var shard = 1; shard < BoardShards.Count; shard++)
        {
            if (_pushedAt[shard] < _pushedAt[oldest])
            {
                oldest = shard;
            }
        }

        return oldest;
    }
}
