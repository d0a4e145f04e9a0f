using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Time;

namespace QueueBoard.Web.Reports;

/// <summary>
/// A day's report as CSV, hour by hour in the district's time: people arrived and served, the longest queue, and the
/// mean and longest posted wait, per site and for the district. UTF-8 with a byte order mark, which is how Excel knows to
/// show Chinese names rather than mojibake.
/// </summary>
public sealed class DailyReport(DistrictClock clock)
{
    private const string Header = "site_id,site_name,date,hour,arrived,served,peak_queue,mean_wait_minutes,longest_wait_minutes";

    /// <summary>The district total's rows carry this site id.</summary>
    public const string DistrictRow = "district";

    public byte[] Build(DateOnly date, IEnumerable<(string SiteId, string SiteName, ImmutableArray<HistoryPoint> Minutes)> sites, ImmutableArray<HistoryPoint>? district)
    {
        var csv = new StringBuilder().AppendLine(Header);
        foreach (var (siteId, name, minutes) in sites)
        {
            Rows(csv, siteId, name, date, minutes);
        }

        if (district is { } total)
        {
            Rows(csv, DistrictRow, "全区合计 District total", date, total);
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    private void Rows(StringBuilder csv, string siteId, string name, DateOnly date, ImmutableArray<HistoryPoint> minutes)
    {
        foreach (var hour in minutes.GroupBy(p => clock.MinuteOfDay(p.Minute) / 60).OrderBy(g => g.Key))
        {
            var waits = hour.Where(p => p.WaitMinutes is not null).Select(p => p.WaitMinutes!.Value).ToList();
            csv.AppendLine(string.Join(',',
                Field(siteId),
                Field(name),
                date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{hour.Key:00}:00"),
                hour.Sum(p => p.Arrived).ToString(CultureInfo.InvariantCulture),
                hour.Sum(p => p.Served).ToString(CultureInfo.InvariantCulture),
                hour.Max(p => p.QueueLength).ToString(CultureInfo.InvariantCulture),
                waits.Count == 0 ? string.Empty : waits.Average().ToString("0.0", CultureInfo.InvariantCulture),
                waits.Count == 0 ? string.Empty : waits.Max().ToString(CultureInfo.InvariantCulture)));
        }
    }

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
