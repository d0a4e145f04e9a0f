using System.Collections.Immutable;

namespace QueueBoard.Web.Reports;

/// <summary>
/// A district day for the command centre: the district's totals and hours, and each site's day. The CSV reports write it
/// out in full (<see cref="ReportCsv"/>); <c>GET /api/v1/report.json</c> gives it without the sites' hours for the printable
/// daily summary.
/// </summary>
public sealed record DayReport(DateOnly Date, string TimeZone, SiteDayReport District, ImmutableArray<SiteDayReport> Sites);
