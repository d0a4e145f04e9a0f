using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.History;
using QueueBoard.Grains.Persistence;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// The minute history and the week of hours are written off the event path, once a minute. A write that fails, or that
/// storage took although it answered with an error (a Redis reply that timed out), must be made good by a later write,
/// never leave those minutes unwritten or every later write refused.
/// </summary>
public sealed class StorageRetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 30, 0, TimeSpan.Zero);

    private readonly TestGrainStorage _storage = TestGrainStorage.Standalone();

    [Fact]
    public async Task A_history_write_that_failed_is_made_on_the_next_tick_though_nothing_changed_since()
    {
        var history = History("lane/quiet");
        history.State.AddFlow(Now, 2, 0, Now);
        _storage.FailNextWrite("lane-history", "lane/quiet");

        await Assert.ThrowsAnyAsync<Exception>(() => history.WriteIfDirtyAsync(CancellationToken.None));
        await history.WriteIfDirtyAsync(CancellationToken.None);

        Assert.Equal(2, await StoredArrivalsAsync("lane/quiet"));
    }

    [Fact]
    public async Task A_history_write_stored_despite_its_error_does_not_refuse_the_writes_after_it()
    {
        var history = History("lane/timeout");
        history.State.AddFlow(Now, 2, 0, Now);
        _storage.StoreThenFailNextWrite("lane-history", "lane/timeout");
        await Assert.ThrowsAnyAsync<Exception>(() => history.WriteIfDirtyAsync(CancellationToken.None));

        history.State.AddFlow(Now, 3, 0, Now);
        await history.WriteIfDirtyAsync(CancellationToken.None);
        history.State.AddFlow(Now, 1, 0, Now);
        await history.WriteIfDirtyAsync(CancellationToken.None);

        Assert.Equal(6, await StoredArrivalsAsync("lane/timeout"));
    }

    [Fact]
    public async Task An_hour_stored_despite_its_error_is_written_again_on_the_next_pass()
    {
        var archive = new HourArchive(_storage.AsServices(), "site-timeout");
        var hour = HourArchive.HourOf(Now);

        await archive.WriteAsync(hour, Minutes(arrived: 1), ["1"]);
        _storage.StoreThenFailNextWrite("site-hours", $"site-timeout/{hour}");
        await Assert.ThrowsAnyAsync<Exception>(() => archive.WriteAsync(hour, Minutes(arrived: 2), ["1"]));
        await archive.WriteAsync(hour, Minutes(arrived: 3), ["1"]);

        Assert.Equal(3, (await archive.ReadAsync(hour)).Sum(p => p.Arrived));
    }

    private StoredPersistentState<MinuteHistory> History(string key) =>
        new(_storage, "lane-history", GrainId.Create("lane", key));

    private async Task<int> StoredArrivalsAsync(string key)
    {
        var stored = History(key);
        await stored.ReadStateAsync();
        return stored.State.Read(Now, 5).Sum(p => p.Arrived);
    }

    private static ImmutableArray<(HistoryPoint Point, long OpenLanes)> Minutes(int arrived) =>
        [(new HistoryPoint(DateTimeOffset.FromUnixTimeSeconds(HourArchive.HourOf(Now) * 3600), arrived, 0, arrived, null), 1L)];
}
