using System.Collections.Immutable;
using Orleans.Concurrency;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Abstractions.Grains;

/// <summary>
/// One sampling site, keyed by its site id. It owns the configuration and lead-code hashes, routes each batch of events
/// to its lane grains, builds the site picture from their readings, pushes it (throttled) to watchers, and tells the
/// district grain its board row.
/// </summary>
public interface ISiteGrain : IGrainWithStringKey
{
    /// <summary>Creates or replaces the configuration; refuses to drop lanes in which people are still queued.</summary>
    Task<ConfigureOutcome> Configure(SiteConfig config);

    /// <summary>The site's configuration as last set, or null when no site has this id.</summary>
    [AlwaysInterleave]
    Task<SiteConfig?> GetConfig();

    /// <summary>The site with its lanes, or null when no site has this id.</summary>
    [AlwaysInterleave]
    Task<SiteDetail?> GetDetail();

    /// <summary>Applies a validated batch all or nothing; see <see cref="ApplyOutcome"/>.</summary>
    Task<ApplyOutcome> Apply(ImmutableArray<LaneEvent> events);

    /// <summary>One point per minute for the last <paramref name="minutes"/> minutes, oldest first; empty for no site.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<HistoryPoint>> GetHistory(int minutes);

    /// <summary>
    /// One local day's minutes (in the district's time zone) up to now, oldest first, for any of the last 7 days; empty for
    /// no site or a day not begun.
    /// </summary>
    [AlwaysInterleave]
    Task<ImmutableArray<HistoryPoint>> GetDayHistory(DateOnly day);

    /// <summary>
    /// For each hour of one local day (as <see cref="GetDayHistory"/>) and each lane, the minutes its lead had it open; lanes
    /// not open in an hour are left out. Empty for no site or a day not begun.
    /// </summary>
    [AlwaysInterleave]
    Task<ImmutableArray<LaneHourOpen>> GetDayLanesOpen(DateOnly day);

    /// <summary>
    /// Both of <see cref="GetDayHistory"/> and <see cref="GetDayLanesOpen"/> from one read of the stored hours, for the
    /// day reports.
    /// </summary>
    [AlwaysInterleave]
    Task<DayRecord> GetDayRecord(DateOnly day);

    /// <summary>The site's minute starting at <paramref name="minute"/> (within the last 7 days), or null for no site or a future minute.</summary>
    [AlwaysInterleave]
    Task<HistoryPoint?> GetMinute(DateTimeOffset minute);

    /// <summary>A lane's minutes of one local day, as <see cref="GetDayHistory"/>; null when the site or the lane does not exist.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<HistoryPoint>?> GetLaneDayHistory(string laneId, DateOnly day);

    /// <summary>A lane's minutes, as <see cref="GetHistory"/>; empty when the site or the lane does not exist.</summary>
    [AlwaysInterleave]
    Task<ImmutableArray<HistoryPoint>> GetLaneHistory(string laneId, int minutes);

    /// <summary>The expected wait by half-hour for the rest of the day ("best time to come"); null when no site has this id.</summary>
    [AlwaysInterleave]
    Task<WaitForecast?> GetForecast();

    /// <summary>
    /// What the district grain needs of this site, or null when no site has this id. Read-only queries interleave, so that
    /// the district gathering sites never waits on a site that is itself waiting on the district.
    /// </summary>
    [AlwaysInterleave]
    Task<SiteDigest?> GetDigest();

    /// <summary>Stores the hash of a new lead code; false when the site does not exist or holds too many codes.</summary>
    Task<bool> AddLeadCode(string codeHash);

    /// <summary>Forgets every lead code of this site.</summary>
    Task RevokeLeadCodes();

    /// <summary>A push of this site's picture did not reach its watchers: push it again even if nothing changes.</summary>
    [OneWay]
    Task PushAgain();

    /// <summary>Whether a lead-code hash belongs to this site.</summary>
    [AlwaysInterleave]
    Task<bool> IsLeadCode(string codeHash);
}
