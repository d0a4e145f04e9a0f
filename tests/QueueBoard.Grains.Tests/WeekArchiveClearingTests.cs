using QueueBoard.Grains.History;
using QueueBoard.Grains.Persistence;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// The week archive clears the hours a site or lane stored once they are past <see cref="HourArchive.KeptFor"/>, whenever
/// the grain next runs: a site used for one campaign and left idle for weeks leaves nothing behind in storage, and its
/// first pass back reads only the hours it had stored, not every hour of the idle spell.
/// </summary>
public sealed class WeekArchiveClearingTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 2, 0, 0, 0, TimeSpan.Zero);
    private readonly TestGrainStorage _storage = TestGrainStorage.Standalone();

    [Fact]
    public async Task A_grain_back_after_three_weeks_idle_clears_every_hour_it_stored_before_and_reads_no_more()
    {
        // A campaign day: someone arrives in each of ten hours, and the grain passes and writes its state as it runs.
        var history = History();
        var week = new WeekArchive(new HourArchive(_storage.AsServices(), "campaign"));
        for (var hour = 0; hour < 10; hour++)
        {
            var at = Start.AddHours(hour).AddMinutes(5);
            history.State.AddFlow(at, 1, 0, at);
            history.State.SetLevel(at, 1, 2);
            await week.PassAsync(history.State, ["1"], at);
            await history.WriteIfDirtyAsync(CancellationToken.None);
        }

        Assert.Equal(10, await StoredArrivalsAsync(Start, hours: 10));

        // Three weeks later the grain activates again, from what storage holds.
        var back = History();
        await back.ReadStateAsync();
        var readsBefore = _storage.ReadsOf("site-hours");
        await new WeekArchive(new HourArchive(_storage.AsServices(), "campaign")).PassAsync(back.State, ["1"], Start.AddDays(21));
        var reads = _storage.ReadsOf("site-hours") - readsBefore;

        Assert.Equal(0, await StoredArrivalsAsync(Start, hours: 10));

        // The ten hours it stored, the one after, and the day of hours its first pass writes: not 13 days of hours.
        Assert.InRange(reads, 11, 40);
    }

    private StoredPersistentState<MinuteHistory> History() => new(_storage, "site-history", GrainId.Create("site", "campaign"));

    private async Task<int> StoredArrivalsAsync(DateTimeOffset from, int hours)
    {
        var archive = new HourArchive(_storage.AsServices(), "campaign");
        var sum = 0;
        for (var hour = HourArchive.HourOf(from); hour < HourArchive.HourOf(from) + hours; hour++)
        {
            sum += (await archive.ReadAsync(hour)).Sum(p => p.Arrived);
        }

        return sum;
    }
}
