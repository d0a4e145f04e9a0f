using Microsoft.Extensions.Options;
using QueueBoard.Grains.Options;

namespace QueueBoard.Grains.Time;

/// <summary>
/// The time as the district reads it: UTC instants turned into the local day and minute of <see cref="QueueGrainOptions.TimeZone"/>.
/// Grains take "now" from here, so tests can move time with a fake <see cref="TimeProvider"/>.
/// </summary>
public sealed class DistrictClock(TimeProvider time, IOptions<QueueGrainOptions> options)
{
    private readonly TimeZoneInfo _zone = TimeZoneInfo.FindSystemTimeZoneById(options.Value.TimeZone);

    public DateTimeOffset UtcNow => time.GetUtcNow();

    /// <summary>The district's time zone id, as screens and reports name it.</summary>
    public string ZoneId => options.Value.TimeZone;

    /// <summary>The district's calendar day at an instant.</summary>
    public DateOnly DayOf(DateTimeOffset instant) => DateOnly.FromDateTime(Local(instant).DateTime);

    /// <summary>Minutes after local midnight at an instant (0..1439).</summary>
    public int MinuteOfDay(DateTimeOffset instant)
    {
        var local = Local(instant);
        return (local.Hour * 60) + local.Minute;
    }

    /// <summary>The instant a local day's minute (0..1440) begins; null for a local time the zone skips.</summary>
    public DateTimeOffset? InstantOf(DateOnly day, int minuteOfDay)
    {
        var local = day.ToDateTime(TimeOnly.MinValue).AddMinutes(minuteOfDay);
        return _zone.IsInvalidTime(local) ? null : new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, _zone), TimeSpan.Zero);
    }

    /// <summary>When a local day starts and ends; null for a day not begun at <paramref name="now"/>.</summary>
    public (DateTimeOffset Start, DateTimeOffset End)? DaySpan(DateOnly day, DateTimeOffset now)
    {
        if (InstantOf(day, 0) is not { } start || start > now)
        {
            return null;
        }

        return (start, InstantOf(day.AddDays(1), 0) ?? start.AddDays(1));
    }

    private DateTimeOffset Local(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, _zone);
}
