using Microsoft.AspNetCore.Http.HttpResults;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Grains.Time;
using QueueBoard.Web.Auth;
using QueueBoard.Web.History;
using QueueBoard.Web.Problems;
using QueueBoard.Web.Sites;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Reports;

/// <summary>The command centre's day reports: <c>report.csv</c> for one site and for the district (admin token).</summary>
public static class ReportEndpoints
{
    private const string CsvType = "text/csv; charset=utf-8";

    public static RouteGroupBuilder MapReports(this RouteGroupBuilder api)
    {
        api.MapGet("/sites/{siteId}/report.csv", GetSiteReport).RequireAuthorization(AuthPolicies.Admin)
            .Produces(StatusCodes.Status200OK, contentType: CsvType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapGet("/report.csv", GetDistrictReport).RequireAuthorization(AuthPolicies.Admin)
            .Produces(StatusCodes.Status200OK, contentType: CsvType)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetSiteReport(
        string siteId, string? date, KnownSites known, IGrainFactory grains, DistrictClock clock, DailyReport report)
    {
        if (Day(date, clock) is not { } day)
        {
            return BadDate(clock);
        }

        var site = await known.ContainsAsync(siteId) ? await grains.GetGrain<ISiteGrain>(siteId).GetDetail() : null;
        if (site is null)
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        var minutes = await grains.GetGrain<ISiteGrain>(siteId).GetDayHistory(day);
        return TypedResults.File(report.Build(day, [(siteId, site.Name, minutes)], null), CsvType, $"{siteId}-{day:yyyy-MM-dd}.csv");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetDistrictReport(
        string? date, IGrainFactory grains, DistrictClock clock, DistrictHistory history, DailyReport report)
    {
        if (Day(date, clock) is not { } day)
        {
            return BadDate(clock);
        }

        var board = (await grains.GetGrain<IDistrictGrain>(0).GetBoard(null)).Rows.ToDictionary(r => r.Id, r => r.Name);
        var request = new HistoryRequest(null, day);
        var sites = await history.ReadSitesAsync(request);
        var total = history.Sum(request, sites);
        var rows = sites.Select(s => (s.SiteId, board.GetValueOrDefault(s.SiteId, s.SiteId), s.Minutes));
        return TypedResults.File(report.Build(day, rows, total), CsvType, $"district-{day:yyyy-MM-dd}.csv");
    }

    private static DateOnly? Day(string? date, DistrictClock clock) => HistoryQuery.Day(date, clock.DayOf(clock.UtcNow));

    private static ProblemHttpResult BadDate(DistrictClock clock) => HistoryQuery.BadDate(clock.DayOf(clock.UtcNow));
}
