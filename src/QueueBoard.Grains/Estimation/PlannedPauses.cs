using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Time;

namespace QueueBoard.Grains.Estimation;

/// <summary>
/// Planned pauses (meal breaks, shift changes) configured for a site or a lane as daily local spans, turned into the
/// definite windows of the next day, and the stretch they put into a wait: the lane serves nobody while paused, so work
/// that would have run into a pause finishes that much later. Used by <see cref="WaitEstimator"/>.
/// </summary>
public static class PlannedPauses
{
    /// <summary>The pauses that begin after <paramref name="now"/> and within a day of it, earliest first.</summary>
    public static ImmutableArray<PauseWindow> Upcoming(IEnumerable<OpenSpan> spans, DateTimeOffset now, DistrictClock clock)
    {
        var today = clock.DayOf(now);
        var windows = new List<PauseWindow>();
        foreach (var span in spans)
        {
            // Yesterday's too: a span past midnight that began yesterday may still lie ahead as today's early hours do not.
            for (var offset = -1; offset <= 1; offset++)
            {
                var day = today.AddDays(offset);
                var length = span.ToMinute > span.FromMinute ? span.ToMinute - span.FromMinute : span.ToMinute + (24 * 60) - span.FromMinute;
                if (clock.InstantOf(day, span.FromMinute) is { } from && from > now && from <= now.AddDays(1))
                {
                    windows.Add(new PauseWindow(from, from.AddMinutes(length)));
                }
            }
        }

        return [.. windows.OrderBy(w => w.From)];
    }

    /// <summary>
    /// How long <paramref name="workMinutes"/> of serving takes from <paramref name="now"/> when the lane stops for
    /// <paramref name="pauses"/> (earliest first), and the first pause it runs into.
    /// </summary>
    public static (double Minutes, PauseWindow? FirstHit) Stretch(double workMinutes, DateTimeOffset now, ImmutableArray<PauseWindow> pauses)
    {
        var at = now;
        var remaining = workMinutes;
        PauseWindow? firstHit = null;
        foreach (var pause in pauses)
        {
            var untilPause = (pause.From - at).TotalMinutes;
            if (pause.To <= at)
            {
                continue;
            }

            if (untilPause >= remaining)
            {
                break;
            }

            firstHit ??= pause;
            remaining -= Math.Max(0, untilPause);
            at = pause.To;
        }

        return ((at - now).TotalMinutes + remaining, firstHit);
    }
}
