using System.Collections.Immutable;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Time;
using QueueBoard.Web.Reports;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.History;

/// <summary>
/// The district's minutes for <c>GET /api/v1/history</c>, the district report and the replay: every site's minutes gathered (a few
/// dozen sites at a time) and summed by minute; the wait is the median of the sites that had one at the minute's end.
/// Every minute of the span is there, whether or not any site recorded it.
/// </summary>
public sealed class DistrictHistory(IGrainFactory grains, DistrictClock clock)
{
    private const int SitesAtOnce = 32;

    public async Task<ImmutableArray<HistoryPoint>> ReadAsync(HistoryRequest request) => Sum(request, await ReadSitesAsync(request));

    /// <summary>The district's minutes from sites' minutes already read for <paramref name="request"/>.</summary>
    public ImmutableArray<HistoryPoint> Sum(HistoryRequest request, IReadOnlyList<(string SiteId, ImmutableArray<HistoryPoint> Minutes)> perSite)
    {
        var byMinute = perSite.SelectMany(s => s.Minutes).GroupBy(p => p.Minute).ToDictionary(g => g.Key, g => g.ToList());
        return [.. Span(request).Select(minute => byMinute.TryGetValue(minute, out var points)
            ? new HistoryPoint(minute, Counts.Sum(points, p => p.Arrived), Counts.Sum(points, p => p.Served), Counts.Sum(points, p => p.QueueLength), Median(points))
            : new HistoryPoint(minute, 0, 0, 0, null))];
    }

    /// <summary>Each configured site's minutes for the request, with the site's board row.</summary>
    public Task<IReadOnlyList<(string SiteId, ImmutableArray<HistoryPoint> Minutes)>> ReadSitesAsync(HistoryRequest request) =>
        ForEachSiteAsync(site => request.Date is { } date ? site.GetDayHistory(date) : site.GetHistory(request.Minutes!.Value));

    /// <summary>Each configured site's day for the reports: set-up, minutes and lanes' minutes open.</summary>
    public async Task<IReadOnlyList<SiteDay>> ReadDaysAsync(DateOnly day) =>
        [.. (await ForEachSiteAsync(site => ReadDayAsync(site, day))).Select(x => x.Value)];

    /// <summary>One site's day for the reports: its set-up and its day, both asked at once; the day reads its stored hours once.</summary>
    public static async Task<SiteDay> ReadDayAsync(ISiteGrain site, DateOnly day)
    {
        var config = site.GetConfig();
        var record = await site.GetDayRecord(day);
        return new SiteDay(site.GetPrimaryKeyString(), await config, record.Minutes, record.LanesOpen);
    }

    /// <summary>Every site as it stood at the end of <paramref name="minute"/>, for the command centre's replay.</summary>
    public async Task<ImmutableArray<ReplaySite>> ReadMinuteAsync(DateTimeOffset minute) =>
        [.. (await ForEachSiteAsync(site => site.GetMinute(minute)))
            .Where(x => x.Value is not null)
            .Select(x => new ReplaySite(x.SiteId, x.Value!.QueueLength, x.Value.WaitMinutes, x.Value.Arrived, x.Value.Served))];

    /// <summary>Asks every configured site, in id order, a few dozen at a time so a district of hundreds is not asked at once.</summary>
    private async Task<IReadOnlyList<(string SiteId, T Value)>> ForEachSiteAsync<T>(Func<ISiteGrain, Task<T>> read)
    {
        var ids = (await grains.GetGrain<IDistrictGrain>(0).GetSiteIds(0)).Ids;
        var result = new List<(string, T)>();
        foreach (var batch in ids.Order(StringComparer.Ordinal).Chunk(SitesAtOnce))
        {
            var values = await Task.WhenAll(batch.Select(id => read(grains.GetGrain<ISiteGrain>(id))));
            result.AddRange(batch.Zip(values));
        }

        return result;
    }

    private IEnumerable<DateTimeOffset> Span(HistoryRequest request)
    {
        var now = clock.UtcNow;
        var last = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, TimeSpan.Zero);
        if (request.Date is not { } date)
        {
            return Enumerable.Range(0, request.Minutes!.Value).Select(i => last.AddMinutes(i - request.Minutes!.Value + 1));
        }

        var start = clock.InstantOf(date, 0) ?? last;
        var end = clock.InstantOf(date.AddDays(1), 0) ?? start.AddDays(1);
        var stop = end <= last ? end.AddMinutes(-1) : last;
        return Enumerable.Range(0, Math.Max(0, (int)(stop - start).TotalMinutes + 1)).Select(i => start.AddMinutes(i));
    }

    private static int? Median(List<HistoryPoint> points)
    {
        var waits = points.Where(p => p.WaitMinutes is not null).Select(p => p.WaitMinutes!.Value).Order().ToList();
        return waits.Count == 0 ? null
            : waits.Count % 2 == 1 ? waits[waits.Count / 2]
            : (int)Math.Round((waits[(waits.Count / 2) - 1] + waits[waits.Count / 2]) / 2.0, MidpointRounding.AwayFromZero);
    }
}
