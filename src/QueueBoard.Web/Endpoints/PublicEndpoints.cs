using System.Collections.Immutable;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Problems;
using QueueBoard.Web.Sites;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Endpoints;

/// <summary>What anyone may read: the board, one site, its history and forecast, and the district overview.</summary>
public static class PublicEndpoints
{
    public const int DefaultHistoryMinutes = 120;
    public const int MaximumHistoryMinutes = 1440;

    public static RouteGroupBuilder MapPublic(this RouteGroupBuilder api)
    {
        api.MapGet("/sites", GetBoard).Produces(StatusCodes.Status304NotModified);
        api.MapGet("/sites/{siteId}", GetSite).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/sites/{siteId}/history", GetHistory)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/sites/{siteId}/lanes/{laneId}/history", GetLaneHistory)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/sites/{siteId}/forecast", GetForecast).ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/overview", GetOverview);
        return api;
    }

    /// <summary>
    /// Phones poll this: an unchanged board answers 304 to the ETag they hold, without building a body. The tag is weak:
    /// it changes whenever anything a reader sees changes, but not for update times alone.
    /// </summary>
    private static async Task<Results<Ok<ImmutableArray<SiteSummary>>, StatusCodeHttpResult>> GetBoard(HttpContext context, IGrainFactory grains)
    {
        var district = grains.GetGrain<IDistrictGrain>(0);
        var held = context.Request.GetTypedHeaders().IfNoneMatch;
        var page = await district.GetBoard(null);
        var etag = new EntityTagHeaderValue($"\"{page.Version}\"", isWeak: true);

        context.Response.Headers.ETag = etag.ToString();
        context.Response.Headers.CacheControl = "no-cache";
        return held.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(etag, useStrongComparison: false))
            ? TypedResults.StatusCode(StatusCodes.Status304NotModified)
            : TypedResults.Ok(page.Rows);
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

    private static async Task<Results<Ok<ImmutableArray<HistoryPoint>>, ProblemHttpResult>> GetHistory(string siteId, string? minutes, KnownSites known, IGrainFactory grains)
    {
        if (HistorySpan(minutes) is not { } span)
        {
            return BadHistorySpan();
        }

        var site = await known.ContainsAsync(siteId) ? grains.GetGrain<ISiteGrain>(siteId) : null;
        var points = site is null ? [] : await site.GetHistory(span);
        return points.IsDefaultOrEmpty ? ApiProblems.SiteNotFound(siteId) : TypedResults.Ok(points);
    }

    /// <summary>One lane's minutes, for per-lane charts; the same rules as the site's history.</summary>
    private static async Task<Results<Ok<ImmutableArray<HistoryPoint>>, ProblemHttpResult>> GetLaneHistory(string siteId, string laneId, string? minutes, KnownSites known, IGrainFactory grains)
    {
        if (HistorySpan(minutes) is not { } span)
        {
            return BadHistorySpan();
        }

        var site = Identifiers.IsValid(laneId) && await known.ContainsAsync(siteId) ? grains.GetGrain<ISiteGrain>(siteId) : null;
        var points = site is null ? [] : await site.GetLaneHistory(laneId, span);
        return points.IsDefaultOrEmpty
            ? TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Site '{siteId}' has no lane '{laneId}'.")
            : TypedResults.Ok(points);
    }

    private static int? HistorySpan(string? minutes) => QueryNumber.Parse(minutes, DefaultHistoryMinutes, 1, MaximumHistoryMinutes);

    private static ProblemHttpResult BadHistorySpan() => ApiProblems.Invalid(
        "The history span is not valid.",
        new() { ["minutes"] = [$"Give a whole number of minutes from 1 to {MaximumHistoryMinutes}."] });

    private static async Task<Ok<Overview>> GetOverview(IGrainFactory grains) =>
        TypedResults.Ok(await grains.GetGrain<IDistrictGrain>(0).GetOverview());
}
