using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using Microsoft.Extensions.Options;
using QueueBoard.Grains.Options;
using QueueBoard.Grains.Time;
using QueueBoard.Web.Contracts;
using QueueBoard.Web.History;
using QueueBoard.Web.Limits;
using QueueBoard.Web.Problems;
using QueueBoard.Web.Sites;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Endpoints;

/// <summary>
/// What anyone may read: the board, one site, its history and forecast, the district's history and overview, and the
/// district's clock.
/// </summary>
public static class PublicEndpoints
{
    public static RouteGroupBuilder MapPublic(this RouteGroupBuilder api)
    {
        api.MapGet("/sites", GetBoard).Produces(StatusCodes.Status304NotModified);
        api.MapGet("/sites/{siteId}", GetSite).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/sites/{siteId}/history", GetHistory)
            .RequireRateLimiting(RateLimitExtensions.HeavyReads)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/sites/{siteId}/lanes/{laneId}/history", GetLaneHistory)
            .RequireRateLimiting(RateLimitExtensions.HeavyReads)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/sites/{siteId}/forecast", GetForecast).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/history", GetDistrictHistory).RequireRateLimiting(RateLimitExtensions.HeavyReads).ProducesValidationProblem();
        api.MapGet("/overview", GetOverview);
        api.MapGet("/clock", GetClock);
        return api;
    }

    /// <summary>
    /// Phones poll this: an unchanged board answers 304 to the ETag they hold, without building a body. The tag is weak:
    /// it changes whenever anything a reader sees changes, but not for update times alone. The body is written once per
    /// version and encoding (<see cref="BoardReadCache"/>): the district is asked with the version kept, and copies no
    /// rows when it is still current.
    /// </summary>
    private static async Task<Results<BoardReadResult, StatusCodeHttpResult>> GetBoard(HttpContext context, IGrainFactory grains, BoardReadCache cache)
    {
        var district = grains.GetGrain<IDistrictGrain>(0);
        var held = context.Request.GetTypedHeaders().IfNoneMatch;
        static EntityTagHeaderValue TagOf(string version) => new($"\"{version}\"", isWeak: true);
        bool Holds(string version) =>
            held.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(TagOf(version), useStrongComparison: false));

        // The version this node keeps, else the one the phone holds, so that the district copies no board for either.
        var page = await district.GetBoard(cache.Version ?? (held is [{ } tag] ? tag.Tag.Value?.Trim('"') : null));
        var kept = page.Rows.IsDefault ? cache.For(page.Version) : null;
        if (page.Rows.IsDefault && kept is null && !Holds(page.Version))
        {
            // Another reader replaced the kept board between the question and now.
            page = await district.GetBoard(null);
        }

        context.Response.Headers.ETag = TagOf(page.Version).ToString();
        context.Response.Headers.CacheControl = "no-cache";
        if (Holds(page.Version))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return new BoardReadResult(kept ?? cache.Keep(page.Version, page.Rows));
    }

    private static async Task<Results<Ok<SiteDetail>, ProblemHttpResult>> GetSite(string siteId, KnownSites known, IGrainFactory grains)
    {
        var site = await known.ContainsAsync(siteId) ? await grains.GetGrain<ISiteGrain>(siteId).GetDetail() : null;
        return site is null ? ApiProblems.SiteNotFound(siteId) : TypedResults.Ok(site);
    }

    /// <summary>"Best time to come": the expected wait by half-hour for the rest of the site's day.</summary>
    private static async Task<Results<Ok<WaitForecast>, ProblemHttpResult>> GetForecast(string siteId, KnownSites known, IGrainFactory grains)
    {
        var forecast = await known.ContainsAsync(siteId) ? await grains.GetGrain<ISiteGrain>(siteId).GetForecast() : null;
        return forecast is null ? ApiProblems.SiteNotFound(siteId) : TypedResults.Ok(forecast);
    }

    private static async Task<Results<Ok<ImmutableArray<HistoryPoint>>, ProblemHttpResult>> GetHistory(
        string siteId, string? minutes, string? date, KnownSites known, IGrainFactory grains, DistrictClock clock)
    {
        var (request, problem) = HistoryQuery.Parse(minutes, date, clock.DayOf(clock.UtcNow));
        if (problem is not null)
        {
            return problem;
        }

        var site = await known.ContainsAsync(siteId) ? grains.GetGrain<ISiteGrain>(siteId) : null;
        if (site is null)
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        // A day not begun yet, or without a single minute, is an empty list rather than a missing site.
        return TypedResults.Ok(request!.Date is { } day ? await site.GetDayHistory(day) : await site.GetHistory(request.Minutes!.Value));
    }

    /// <summary>The whole district's minutes: the sites' summed, with the median of their waits.</summary>
    private static async Task<Results<Ok<ImmutableArray<HistoryPoint>>, ProblemHttpResult>> GetDistrictHistory(
        string? minutes, string? date, DistrictHistory history, DistrictClock clock)
    {
        var (request, problem) = HistoryQuery.Parse(minutes, date, clock.DayOf(clock.UtcNow));
        return problem ?? (Results<Ok<ImmutableArray<HistoryPoint>>, ProblemHttpResult>)TypedResults.Ok(await history.ReadAsync(request!));
    }

    /// <summary>One lane's minutes, for per-lane charts and reports; the same rules as the site's history.</summary>
    private static async Task<Results<Ok<ImmutableArray<HistoryPoint>>, ProblemHttpResult>> GetLaneHistory(
        string siteId, string laneId, string? minutes, string? date, KnownSites known, IGrainFactory grains, DistrictClock clock)
    {
        var (request, problem) = HistoryQuery.Parse(minutes, date, clock.DayOf(clock.UtcNow));
        if (problem is not null)
        {
            return problem;
        }

        var site = Identifiers.IsValid(laneId) && await known.ContainsAsync(siteId) ? grains.GetGrain<ISiteGrain>(siteId) : null;
        ImmutableArray<HistoryPoint>? points = site is null ? null
            : request!.Date is { } day ? await site.GetLaneDayHistory(laneId, day)
            : await site.GetLaneHistory(laneId, request.Minutes!.Value) is { IsDefaultOrEmpty: false } recent ? recent : null;
        return points is { } found
            ? TypedResults.Ok(found)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Site '{siteId}' has no lane '{laneId}'.");
    }

    private static async Task<Ok<Overview>> GetOverview(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDistrictGrain>(0).GetOverview());

    private static Ok<ClockResponse> GetClock(DistrictClock clock, IOptions<QueueGrainOptions> options) =>
        TypedResults.Ok(new ClockResponse(clock.ZoneId, clock.UtcNow, options.Value.SilentAfterMinutes));
}
