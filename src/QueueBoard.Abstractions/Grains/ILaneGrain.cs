using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Abstractions.Grains;

/// <summary>
/// One lane of one site, keyed <c>siteId/laneId</c>. It keeps the lane's queue, status, service rate, served-today
/// count, recently seen event ids and per-minute history, and is only ever called by its site grain.
/// </summary>
public interface ILaneGrain : IGrainWithStringKey
{
    /// <summary>Applies this lane's share of a batch, skipping ids seen in the last 24 hours; durable on return.</summary>
    Task<LaneApplyResult> Apply(ImmutableArray<LaneEvent> events);

    /// <summary>The lane's state now.</summary>
    Task<LaneReading> GetReading();

    /// <summary>Forgets everything: the lane was removed from its site.</summary>
    Task Retire();

    /// <summary>Makes the lane grain's key from its site and lane ids.</summary>
    static string KeyOf(string siteId, string laneId) => $"{siteId}/{laneId}";
}
