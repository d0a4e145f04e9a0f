using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// A stretch of a site's or lane's kept history (an hour, or a local day): its minutes, and for a site each lane's
/// minutes open per hour. The day reports take both from one read of the stored hours.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DayRecord(
    [property: Id(0)] ImmutableArray<HistoryPoint> Minutes,
    [property: Id(1)] ImmutableArray<LaneHourOpen> LanesOpen);
