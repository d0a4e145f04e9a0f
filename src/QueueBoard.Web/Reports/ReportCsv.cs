using System.Globalization;
using System.Text;

namespace QueueBoard.Web.Reports;

/// <summary>
/// A day's report as CSV, one table: a row per site (or district) and local hour with its flows, longest queue and posted
/// waits, and below each site a row per lane and hour with the minutes its lead had it open (lane columns empty on site
/// rows, flow columns empty on lane rows, so a spreadsheet filter on <c>lane_id</c> separates them). UTF-8 with a byte
/// order mark, which is how Excel knows to show Chinese names rather than mojibake.
/// </summary>
public sealed class ReportCsv(DayReportBuilder builder)
{
    private const string Header =
        "site_id,site_name,lane_id,lane_name,date,hour,arrived,served,peak_queue,mean_wait_minutes,longest_wait_minutes,minutes_open";

    public byte[] Write(DateOnly date, IEnumerable<SiteDayReport> sites)
    {
        var day = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var csv = new StringBuilder().AppendLine(Header);
        foreach (var site in sites)
        {
            var name = site.NameEn is { Length: > 0 } en && site.Id == DayReportBuilder.DistrictId ? $"{site.Name} {en}" : site.Name;
            foreach (var hour in site.Hours ?? [])
            {
                Line(csv, site.Id, name, string.Empty, string.Empty, day, hour.Hour,
                    Number(hour.Arrived), Number(hour.Served), Number(hour.PeakQueue),
                    hour.MeanWaitMinutes?.ToString("0.0", CultureInfo.InvariantCulture) ?? string.Empty,
                    hour.LongestWaitMinutes is { } longest ? Number(longest) : string.Empty,
                    string.Empty);
            }

            var names = site.Lanes.ToDictionary(l => l.Id, l => l.Name);
            var order = site.Lanes.Select((l, i) => (l.Id, i)).ToDictionary(x => x.Id, x => x.i);
            foreach (var lane in site.LaneHours.OrderBy(l => order.GetValueOrDefault(l.LaneId, int.MaxValue)).ThenBy(l => l.Hour))
            {
                Line(csv, site.Id, name, lane.LaneId, names.GetValueOrDefault(lane.LaneId, lane.LaneId), day, builder.Hour(lane.Hour),
                    string.Empty, string.Empty, string.Empty, string.Empty, string.Empty, Number(lane.Minutes));
            }
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private static void Line(StringBuilder csv, string siteId, string siteName, string laneId, string laneName, string day, int hour, params string[] figures) =>
        csv.AppendLine(string.Join(',', [
            Field(siteId), Field(siteName), Field(laneId), Field(laneName), day,
            string.Create(CultureInfo.InvariantCulture, $"{hour:00}:00"), .. figures]));

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// A text field: quoted when it holds a separator, and never read by a spreadsheet as a formula (a name such as
    /// "=HYPERLINK(...)" is shown as written).
    /// </summary>
    private static string Field(string text)
    {
        var safe = text.Length > 0 && "=+-@\t\r".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
        return safe.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + safe.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : safe;
    }
}
