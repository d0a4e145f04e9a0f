using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.History;

/// <summary>
/// A grain's week of minutes, for a site or a lane: the hours passed since its last pass are stored from its
/// <see cref="MinuteHistory"/> into <see cref="HourArchive"/> records (the first pass after an activation covers the day
/// the minute history holds), hours past <see cref="HourArchive.KeptFor"/> are cleared (from the first the grain's state
/// says is still stored, so a grain back after weeks idle leaves none behind), and a day is read back from the minute
/// history where it still holds it and from the records before that.
/// </summary>
public sealed class WeekArchive(HourArchive hours)
{
    private long? _nextHourToArchive;
    private long? _nextHourToClear;
    private (long From, long To) _neverStored = (0, -1);

    public HourArchive Hours => hours;

    /// <summary>Whether the hour under way has not been stored yet (an event in a new hour calls for a pass soon).</summary>
    public bool IsBehind(DateTimeOffset now) => _nextHourToArchive is not { } archived || HourArchive.HourOf(now) > archived;

    /// <summary>Stores every hour since the last pass and clears expired ones; throws when storage fails (tried again next pass).</summary>
    public async Task PassAsync(MinuteHistory history, IReadOnlyList<string?> lanesByBit, DateTimeOffset now)
    {
        var current = HourArchive.HourOf(now);

        // After an activation, from the first hour anything was recorded in: hours before it have nothing to keep, and a
        // district's worth of grains writing a day of empty records each at start-up would be a storm.
        var first = _nextHourToArchive ?? (history.FirstRecorded is { } recorded ? Math.Max(current - 24, HourArchive.HourOf(recorded)) : current + 1);
        var expired = HourArchive.HourOf(now - HourArchive.KeptFor);
        if (_nextHourToClear is null)
        {
            // The state names the hours an earlier activation stored and has not cleared, however long the grain was idle.
            // One written before it kept them (before 2026-12-05) gets the day before the expired hour, as then.
            _nextHourToClear = history.FirstStoredHour ?? expired - 24;

            // Nothing was stored between the last hour before this activation (and the next, whose write may have beaten
            // the state's) and this activation's first, so an idle spell of weeks costs no reads.
            if (history.LastStoredHour is { } lastStored)
            {
                _neverStored = (lastStored + 2, first - 1);
            }
        }

        for (var hour = first; hour <= current; hour++)
        {
            var hourEnd = DateTimeOffset.FromUnixTimeSeconds(((hour + 1) * 3600) - 60);
            var last = hourEnd < now ? hourEnd : now;
            var minutes = (int)((last - DateTimeOffset.FromUnixTimeSeconds(hour * 3600)).TotalMinutes) + 1;
            await hours.WriteAsync(hour, history.ReadLevels(last, minutes), lanesByBit);
            history.HourStored(hour);
            _nextHourToArchive = hour;
        }

        for (var hour = _nextHourToClear.Value; hour <= expired; hour++)
        {
            if (hour >= _neverStored.From && hour <= _neverStored.To)
            {
                hour = _neverStored.To;
                _nextHourToClear = hour + 1;
                continue;
            }

            await hours.ClearAsync(hour);
            history.HourCleared(hour);
            _nextHourToClear = hour + 1;
        }
    }

    /// <summary>
    /// The minutes from <paramref name="start"/> to <paramref name="end"/> (a local day), up to the minute of
    /// <paramref name="now"/>, and each lane's minutes open per hour (lanes by their bit, <paramref name="lanesByBit"/>):
    /// from <paramref name="recent"/> (the minute history read up to now) where it reaches, else from each stored hour,
    /// read once for both.
    /// </summary>
    public async Task<DayRecord> ReadDayAsync(
        DateTimeOffset start, DateTimeOffset end, DateTimeOffset now, ImmutableArray<(HistoryPoint Point, long OpenLanes)> recent, IReadOnlyList<string?> lanesByBit)
    {
        var inMemoryFrom = InMemoryFrom(now);
        var points = new List<HistoryPoint>();
        var lanes = new List<LaneHourOpen>();
        for (var hour = HourArchive.HourOf(start); hour <= HourArchive.HourOf(end.AddMinutes(-1)); hour++)
        {
            var hourStart = DateTimeOffset.FromUnixTimeSeconds(hour * 3600);
            if (hourStart < inMemoryFrom)
            {
                var stored = await hours.ReadHourAsync(hour);
                points.AddRange(stored.Minutes);
                lanes.AddRange(stored.LanesOpen);
                continue;
            }

            var minutes = recent.Where(m => m.Point.Minute >= hourStart && m.Point.Minute < hourStart.AddHours(1)).ToList();
            points.AddRange(minutes.Select(m => m.Point));
            lanes.AddRange(OpenLaneMinutes.Count(minutes.Select(m => m.OpenLanes), lanesByBit).Select(lane => new LaneHourOpen(hourStart, lane.Key, lane.Value)));
        }

        var lastMinute = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        return new DayRecord([.. points.Where(p => p.Minute >= start && p.Minute < end && p.Minute <= lastMinute)], [.. lanes]);
    }

    /// <summary>The oldest minute read from the minute history rather than from the stored hours.</summary>
    public static DateTimeOffset InMemoryFrom(DateTimeOffset now) => now.AddMinutes(-(MinuteHistory.Capacity - 2));
}
