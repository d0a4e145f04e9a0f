using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Time;
using QueueBoard.Web.Limits;
using QueueBoard.Web.Problems;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.History;

/// <summary>
/// The command centre's replay: <c>GET /api/v1/replay?at=</c> gives every site as it stood at the end of one minute of the
/// last 7 days (the minute under way without <c>at</c>), from the sites' stored history. Public, like the history it is made from.
/// </summary>
public static class ReplayEndpoints
{
    public static RouteGroupBuilder MapReplay(this RouteGroupBuilder api)
    {
        api.MapGet("/replay", GetFrame).RequireRateLimiting(RateLimitExtensions.HeavyReads).ProducesValidationProblem();
        return api;
    }

    private static async Task<Results<Ok<ReplayFrame>, ProblemHttpResult>> GetFrame(string? at, DistrictHistory history, DistrictClock clock)
    {
        var now = clock.UtcNow;
        var earliest = clock.InstantOf(clock.DayOf(now).AddDays(1 - HistoryQuery.DaysKept), 0) ?? now.AddDays(-HistoryQuery.DaysKept);
        // Without a time, the minute under way.
        var instant = now;
        if ((at is not null && !DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant))
            || instant > now || instant < earliest)
        {
            return ApiProblems.Invalid("The replay time is not valid.", new()
            {
                ["at"] = [$"Give a UTC time as ISO 8601 (e.g. 2026-11-29T06:30:00Z) between {earliest:yyyy-MM-ddTHH:mmZ} and now."],
            });
        }

        var minute = DateTimeOffset.FromUnixTimeSeconds(instant.ToUnixTimeSeconds() / 60 * 60);
        return TypedResults.Ok(new ReplayFrame(minute, await history.ReadMinuteAsync(minute)));
    }
}
