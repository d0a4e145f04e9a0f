using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Forecast;

/// <summary>
/// Projects a site's queue minute by minute to the end of its local day, as a fluid: people arrive as they did yesterday
/// at the same times (scaled by how today's last hour compares with yesterday's), or at the last half hour's pace when
/// yesterday has nothing to say, and the lanes serve at their measured paces, minus planned breaks, within opening hours.
/// A person's wait is the time until the serving still to come, breaks included, reaches everyone ahead of them; a
/// half-hour's is the mean over its minutes. The fluid is the whole site, where a resident joins its shortest lane: so a
/// minute's wait is scaled by how the wait the site posts now compares with the fluid's own wait now, fully now and less
/// as the people queued now are served (the lanes even out), and the half-hour under way tells the same story as the
/// site's headline. Used by the site grain for "best time to come".
/// </summary>
public sealed class WaitForecaster(DistrictClock clock)
{
    public const int SlotMinutes = 30;

    /// <summary>How far today's arrivals may be taken to differ from yesterday's: beyond that the past says little.</summary>
    private const double MaximumScale = 4;

    /// <summary>
    /// The half-hours from now to the end of the local day; <paramref name="lastDay"/> is the site's last 25 hours of
    /// minutes, <paramref name="waitNow"/> the wait the site posts now (its best standard lane's; null: none to match).
    /// </summary>
    public WaitForecast Forecast(
        SiteConfig config, ImmutableArray<HistoryPoint> lastDay, int queueNow, IReadOnlyList<LanePace> lanes, DateTimeOffset now, int? waitNow = null)
    {
        var arrived = lastDay.ToDictionary(p => p.Minute, p => p.Arrived);
        var start = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        var end = clock.InstantOf(clock.DayOf(now).AddDays(1), 0) ?? start.AddDays(1);

        double Sum(DateTimeOffset from, int minutes) =>
            Enumerable.Range(0, minutes).Sum(m => (double)arrived.GetValueOrDefault(from.AddMinutes(m)));

        var yesterdayAhead = Sum(start.AddDays(-1), (int)(end - start).TotalMinutes);
        var useHistory = yesterdayAhead > 0;
        var scale = Math.Clamp((Sum(start.AddMinutes(-60), 60) + 5) / (Sum(start.AddDays(-1).AddMinutes(-60), 60) + 5), 1 / MaximumScale, MaximumScale);
        var recentPerMinute = Sum(start.AddMinutes(-30), 30) / 30;

        var minutes = (int)(end - start).TotalMinutes;
        var open = new bool[minutes];
        var served = new double[minutes + 1];
        var queue = new double[minutes + 1];
        queue[0] = queueNow;
        for (var i = 0; i < minutes; i++)
        {
            var minute = start.AddMinutes(i);
            var localMinute = clock.MinuteOfDay(minute);
            open[i] = config.IsWithinHours(localMinute);
            var capacity = open[i] ? lanes.Where(l => !OnBreak(l, localMinute)).Sum(l => l.PerMinute) : 0;
            var comes = !open[i] ? 0 : useHistory ? arrived.GetValueOrDefault(minute.AddDays(-1)) * scale : recentPerMinute;
            served[i + 1] = served[i] + capacity;
            queue[i + 1] = Math.Max(0, queue[i] + comes - capacity);
        }

        // The shortest lane against the site's average, up to four times either way as far as the past is trusted, fading
        // out over the time the people queued now take to be served.
        var fluidNow = minutes > 0 && open[0] ? WaitFrom(served, 0, queue[0]) : null;
        var scaleNow = waitNow is { } posted && fluidNow is >= 1
            ? Math.Clamp(posted / fluidNow.Value, 1 / MaximumScale, MaximumScale)
            : 1;
        double ScaleAt(int i) => 1 + ((scaleNow - 1) * Math.Max(0, 1 - (i / fluidNow.GetValueOrDefault(1))));

        // A person arriving in minute i waits until the serving still to come has reached everyone ahead, breaks included.
        var slots = ImmutableArray.CreateBuilder<ForecastSlot>();
        var first = -(clock.MinuteOfDay(start) % SlotMinutes);
        for (var slot = first; slot < minutes; slot += SlotMinutes)
        {
            var openMinutes = Enumerable.Range(Math.Max(0, slot), Math.Min(minutes, slot + SlotMinutes) - Math.Max(0, slot)).Where(i => open[i]).ToList();
            if (openMinutes.Count == 0)
            {
                continue;
            }

            var waits = openMinutes.Select(i => WaitFrom(served, i, queue[i]) * ScaleAt(i)).OfType<double>().ToList();
            var from = start.AddMinutes(slot);
            slots.Add(new ForecastSlot(
                from, from.AddMinutes(SlotMinutes), waits.Count == 0 ? null : (int)Math.Round(waits.Average(), MidpointRounding.AwayFromZero)));
        }

        return new WaitForecast(slots.ToImmutable(), useHistory ? "history" : "recent");
    }

    /// <summary>Minutes from <paramref name="i"/> until <paramref name="ahead"/> more people have been served; null if not today.</summary>
    private static double? WaitFrom(double[] served, int i, double ahead)
    {
        if (ahead <= 0)
        {
            return 0;
        }

        var target = served[i] + ahead;
        if (served[^1] < target)
        {
            return null;
        }

        var (low, high) = (i, served.Length - 1);
        while (low < high)
        {
            var middle = (low + high) / 2;
            (low, high) = served[middle] >= target ? (low, middle) : (middle + 1, high);
        }

        // Within the minute it completes in, serving is taken as even.
        var step = served[low] - served[low - 1];
        return low - 1 - i + (step > 0 ? (target - served[low - 1]) / step : 1);
    }

    private static bool OnBreak(LanePace lane, int localMinute) =>
        !lane.Breaks.IsDefaultOrEmpty && lane.Breaks.Any(b => b.Contains(localMinute));
}
