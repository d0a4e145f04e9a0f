using Microsoft.AspNetCore.Http.HttpResults;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Grains.Time;
using QueueBoard.Web.Auth;
using QueueBoard.Web.History;
using QueueBoard.Web.Problems;
using QueueBoard.Web.Sites;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Reports;

/// <summary>
/// The command centre's day reports (admin token): <c>report.csv</c> for one site and for the district, and
/// <c>report.json</c>, the district's day for the printable daily summary page.
/// </summary>
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
        api.MapGet("/report.json", GetDistrictSummary).RequireAuthorization(AuthPolicies.Admin)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        return api;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetSiteReport(
        string siteId, string? date, KnownSites known, IGrainFactory grains, DistrictClock clock, DayReportBuilder builder, ReportCsv csv)
    {
        if (Day(date, clock) is not { } day)
        {
            return BadDate(clock);
        }

        var site = await known.ContainsAsync(siteId) ? await DistrictHistory.ReadDayAsync(grains.GetGrain<ISiteGrain>(siteId), day) : null;
        if (site?.Config is null)
        {
            return ApiProblems.SiteNotFound(siteId);
        }

        return TypedResults.File(csv.Write(day, [builder.Site(site)]), CsvType, $"{siteId}-{day:yyyy-MM-dd}.csv");
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> GetDistrictReport(
        string? date, DistrictClock clock, DistrictHistory history, DayReportBuilder builder, ReportCsv csv)
    {
        if (Day(date, clock) is not { } day)
        {
            return BadDate(clock);
        }

        var report = await DistrictDayAsync(day, history, builder);
        return TypedResults.File(csv.Write(day, [.. report.Sites, report.District]), CsvType, $"district-{day:yyyy-MM-dd}.csv");
    }

    private static async Task<Results<Ok<DayReport>, ProblemHttpResult>> GetDistrictSummary(
        string? date, DistrictClock clock, DistrictHistory history, DayReportBuilder builder)
    {
        if (Day(date, clock) is not { } day)
        {
            return BadDate(clock);
        }

        // The summary page lists sites by their day; their hours would be most of the answer and it draws only the district's.
        var report = await DistrictDayAsync(day, history, builder);
        return TypedResults.Ok(report with { Sites = [.. report.Sites.Select(s => s with { Hours = null })] });
    }

    private static async Task<DayReport> DistrictDayAsync(DateOnly day, DistrictHistory history, DayReportBuilder builder)
    {
        var days = await history.ReadDaysAsync(day);
        var total = history.Sum(new HistoryRequest(null, day), [.. days.Select(d => (d.SiteId, d.Minutes))]);
        return builder.District(day, [.. days.Select(builder.Site)], total);
    }

    private static DateOnly? Day(string? date, DistrictClock clock) => HistoryQuery.Day(date, clock.DayOf(clock.UtcNow));

    private static ProblemHttpResult BadDate(DistrictClock clock) => HistoryQuery.BadDate(clock.DayOf(clock.UtcNow));
}
