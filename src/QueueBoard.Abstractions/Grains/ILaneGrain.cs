using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Abstractions.Grains;

/// <summary>
/// One lane of one site, keyed <c>siteId/laneId</c>. It keeps the lane's queue, status, service rate, serves per day,
/// the ids of its events from the last 24 hours and its per-minute history (a week of it in hour records), and is only ever called by its site grain,
/// which has already dropped duplicate events.
/// </summary>
public interface ILaneGrain : IGrainWithStringKey
{
    /// <summary>Applies this lane's share of a batch and records its event ids; durable on return.</summary>
    Task<LaneReading> Apply(ImmutableArray<LaneEvent> events);

    /// <summary>The lane's state now.</summary>
    Task<LaneReading> GetReading();

    /// <summary>One point per minute for the last <paramref name="minutes"/> minutes, oldest first (waits are the site's).</summary>
    Task<ImmutableArray<HistoryPoint>> GetHistory(int minutes);

    /// <summary>One local day's minutes up to now, for any of the last 7 days; empty for a day not begun (waits are the site's).</summary>
    Task<ImmutableArray<HistoryPoint>> GetDayHistory(DateOnly day);

    /// <summary>The ids of this lane's events accepted in the last 24 hours, oldest first.</summary>
    Task<ImmutableArray<SeenEvent>> GetRecentIds();

    /// <summary>Forgets everything: the lane was removed from its site.</summary>
    Task Retire();

    /// <summary>Makes the lane grain's key from its site and lane ids.</summary>
    static string KeyOf(string siteId, string laneId) => $"{siteId}/{laneId}";
}
