using Microsoft.Extensions.Time.Testing;
using QueueBoard.Grains.District;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Publishing;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// When the district pushes the board to each group of watchers: the rota run as the district grain runs it, a
/// millisecond at a time on a fake clock, with writes as quick as a few phones' or as slow as a crowd's.
/// </summary>
public sealed class BoardPushRotaTests
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan Step = TimeSpan.FromMilliseconds(1);

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 12, 7, 2, 0, 0, TimeSpan.Zero));
    private readonly FakeTimer _timer = new();
    private readonly BoardPushRota _rota;
    private readonly List<Push> _pushes = [];
    private long _version;

    public BoardPushRotaTests()
    {
        var options = Microsoft.Extensions.Options.Options.Create(new QueueGrainOptions());
        _rota = new BoardPushRota(Window, new DistrictClock(_time, options));
        _rota.Attach(_timer);
        _timer.Now = Now;
    }

    [Fact]
    public void While_writes_are_quick_every_group_takes_a_change_at_once_and_then_once_a_second_together()
    {
        Run(TimeSpan.FromSeconds(2), changesPerSecond: 0, writeTook: Quick);
        var firstChange = Now;
        Run(TimeSpan.FromSeconds(5), changesPerSecond: 1000, writeTook: Quick);

        Assert.Equal(firstChange, _pushes[0].At);
        Assert.All(_pushes, push => Assert.Equal(BoardShards.Count, push.Shards.Count));
        var gaps = _pushes.Zip(_pushes.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.All(gaps, gap => Assert.Equal(Window, gap));
        AssertEveryGroupHoldsTheLastVersion();
    }

    [Fact]
    public void Once_a_round_of_writes_is_slow_the_groups_take_turns_spread_across_the_window_each_still_a_window_apart()
    {
        Run(TimeSpan.FromSeconds(30), changesPerSecond: 1000, writeTook: Slow);

        // In step at first, as after a crowd arrives at once, the groups draw apart over a few seconds and keep apart.
        var settled = _pushes.Where(p => p.At >= _pushes[0].At + (20 * Window)).ToList();
        Assert.NotEmpty(settled);
        Assert.All(settled, push => Assert.Single(push.Shards));
        var turns = settled.Zip(settled.Skip(1), (a, b) => b.At - a.At).ToList();
        Assert.All(turns, gap => Assert.Equal(Window / BoardShards.Count, gap));

        // Under a steady stream each group still takes a push every window: no change waits longer than that.
        for (var shard = 0; shard < BoardShards.Count; shard++)
        {
            var times = settled.Where(p => p.Shards.Contains(shard)).Select(p => p.At).ToList();
            Assert.True(times.Count >= 9, $"group {shard} took {times.Count} pushes in 10 s");
            Assert.All(times.Zip(times.Skip(1), (a, b) => b - a), gap => Assert.Equal(Window, gap));

            // Drawing apart holds a group back at most a twentieth of the window (and, here, a step for each group held
            // with it), never a whole turn of the others.
            var all = _pushes.Where(p => p.Shards.Contains(shard)).Select(p => p.At).ToList();
            Assert.All(all.Zip(all.Skip(1), (a, b) => b - a), gap => Assert.InRange(gap, Window, Window + (Window / 20) + (BoardShards.Count * Step)));
        }

        AssertNoGroupTookTwoPushesWithinAWindow();
        AssertEveryGroupHoldsTheLastVersion();
    }

    [Fact]
    public void On_a_busy_node_whose_flushes_run_late_each_group_still_takes_a_push_about_every_window()
    {
        // Every flush 20 ms after its timer was due, as on a node whose cores are taken.
        _timer.Late = TimeSpan.FromMilliseconds(20);
        Run(TimeSpan.FromSeconds(30), changesPerSecond: 1000, writeTook: Slow);

        var settled = _pushes.Where(p => p.At >= _pushes[0].At + (20 * Window)).ToList();
        for (var shard = 0; shard < BoardShards.Count; shard++)
        {
            var times = settled.Where(p => p.Shards.Contains(shard)).Select(p => p.At).ToList();
            Assert.All(times.Zip(times.Skip(1), (a, b) => b - a), gap => Assert.InRange(gap, Window, Window + (2 * _timer.Late)));
        }

        AssertNoGroupTookTwoPushesWithinAWindow();
    }

    [Fact]
    public void With_slow_writes_a_change_after_a_quiet_spell_reaches_every_group_within_the_window()
    {
        Run(TimeSpan.FromSeconds(4), changesPerSecond: 1000, writeTook: Slow);
        Run(TimeSpan.FromSeconds(3), changesPerSecond: 0, writeTook: Slow);
        var pushed = _pushes.Count;
        var change = Now;
        Run(TimeSpan.FromSeconds(2), changesPerSecond: 0, writeTook: Slow, changeAtStart: true);

        var after = _pushes.Skip(pushed).ToList();
        Assert.Equal(change, after[0].At);
        Assert.Equal(Enumerable.Range(0, BoardShards.Count), after.SelectMany(p => p.Shards).Order());
        Assert.True(after[^1].At - change < Window, $"the last group took the change {(after[^1].At - change).TotalMilliseconds} ms after it");
        AssertEveryGroupHoldsTheLastVersion();
    }

    [Fact]
    public void When_writes_are_quick_again_a_change_after_a_pause_goes_to_every_group_in_one_push_that_none_misses_a_change_by()
    {
        Run(TimeSpan.FromSeconds(4), changesPerSecond: 1000, writeTook: Slow);
        Run(TimeSpan.FromSeconds(4), changesPerSecond: 1000, writeTook: Quick);
        Run(TimeSpan.FromMilliseconds(2500), changesPerSecond: 0, writeTook: Quick);
        var pushed = _pushes.Count;
        Run(TimeSpan.FromSeconds(1), changesPerSecond: 0, writeTook: Quick, changeAtStart: true);

        Assert.Equal(BoardShards.Count, Assert.Single(_pushes.Skip(pushed)).Shards.Count);
        AssertNoGroupTookTwoPushesWithinAWindow();

        // A push to several groups starts from the oldest version any of them holds, so none of them misses a change.
        var held = new long[BoardShards.Count];
        foreach (var push in _pushes)
        {
            Assert.All(push.Shards, shard => Assert.True(push.Since <= held[shard], $"group {shard} held {held[shard]}, the push began at {push.Since}"));
            push.Shards.ToList().ForEach(shard => held[shard] = push.Version);
        }

        AssertEveryGroupHoldsTheLastVersion();
    }

    private static TimeSpan Quick(IReadOnlyList<int> shards) => TimeSpan.FromMilliseconds(0.1);

    // A crowd of twenty thousand phones: a fifth of a second to write one push to all of them, an eighth of it per group.
    private static TimeSpan Slow(IReadOnlyList<int> shards) => TimeSpan.FromMilliseconds(25 * shards.Count);

    private DateTimeOffset Now => _time.GetUtcNow();

    /// <summary>Runs the district for <paramref name="span"/>: changes arrive evenly, and the flush runs when its timer is due.</summary>
    private void Run(TimeSpan span, int changesPerSecond, Func<IReadOnlyList<int>, TimeSpan> writeTook, bool changeAtStart = false)
    {
        var end = Now + span;
        var every = changesPerSecond == 0 ? TimeSpan.MaxValue : TimeSpan.FromSeconds(1.0 / changesPerSecond);
        var nextChange = changeAtStart ? Now : changesPerSecond == 0 ? DateTimeOffset.MaxValue : Now;
        while (Now < end)
        {
            if (Now >= nextChange)
            {
                _version++;
                _rota.Schedule(_version);
                nextChange = changesPerSecond == 0 ? DateTimeOffset.MaxValue : nextChange + every;
            }

            if (_timer.DueAt is { } due && due + _timer.Late <= Now)
            {
                _timer.DueAt = null;
                Flush(writeTook);
            }

            _time.Advance(Step);
            _timer.Now = Now;
        }
    }

    // As the district grain flushes: every group due now, in turn, in one timer turn.
    private void Flush(Func<IReadOnlyList<int>, TimeSpan> writeTook)
    {
        _rota.FlushStarted();
        while (_rota.Take(_version) is { Shards.Count: > 0 } due)
        {
            _pushes.Add(new Push(Now, due.Shards, due.Since, _version));
            _rota.Written(due.Shards, writeTook(due.Shards));
        }
    }

    private void AssertNoGroupTookTwoPushesWithinAWindow()
    {
        for (var shard = 0; shard < BoardShards.Count; shard++)
        {
            var times = _pushes.Where(p => p.Shards.Contains(shard)).Select(p => p.At).ToList();
            Assert.All(times.Zip(times.Skip(1), (a, b) => b - a), gap => Assert.True(gap >= Window, $"group {shard}: pushes {gap.TotalMilliseconds} ms apart"));
        }
    }

    // The last state is always pushed: once changes stop, every group ends on the last version.
    private void AssertEveryGroupHoldsTheLastVersion()
    {
        Run(TimeSpan.FromSeconds(2), changesPerSecond: 0, writeTook: Quick);
        for (var shard = 0; shard < BoardShards.Count; shard++)
        {
            Assert.Equal(_version, _pushes.Last(p => p.Shards.Contains(shard)).Version);
        }
    }

    private sealed record Push(DateTimeOffset At, IReadOnlyList<int> Shards, long Since, long Version);

    /// <summary>The flush timer: remembers when it was set to fire.</summary>
    private sealed class FakeTimer : IGrainTimer
    {
        public DateTimeOffset Now { get; set; }

        public DateTimeOffset? DueAt { get; set; }

        /// <summary>How long after it is due the flush runs.</summary>
        public TimeSpan Late { get; set; }

        public void Change(TimeSpan dueTime, TimeSpan period) => DueAt = Now + dueTime;

        public void Dispose()
        {
        }
    }
}
