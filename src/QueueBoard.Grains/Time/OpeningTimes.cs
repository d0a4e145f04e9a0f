using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Time;

/// <summary>When a site resting outside its hours opens again, for its board row and screens ("今日 18:00 开放").</summary>
public static class OpeningTimes
{
    /// <summary>How far ahead an opening is looked for; a site closed longer shows no time.</summary>
    public const int DaysAhead = 7;

    /// <summary>The first instant after <paramref name="now"/> at which one of the site's spans begins; null when none within a week.</summary>
    public static DateTimeOffset? Next(SiteConfig config, DistrictClock clock, DateTimeOffset now)
    {
        if (config.OpenHours.IsDefaultOrEmpty)
        {
            return null;
        }

        var today = clock.DayOf(now);
        return Enumerable.Range(0, DaysAhead + 1)
            .SelectMany(d => config.OpenHours.Select(span => clock.InstantOf(today.AddDays(d), span.FromMinute)))
            .Where(at => at > now)
            .Min();
    }
}
