namespace QueueBoard.Abstractions.Model;

/// <summary>
/// A site as one row of the resident board: built by the site grain, gathered by the district grain,
/// served by <c>GET /api/v1/sites</c> and pushed as <c>boardUpdated</c> rows.
/// </summary>
[GenerateSerializer, Immutable]
public record SiteSummary
{
    [Id(0)] public required string Id { get; init; }
    [Id(1)] public required string Name { get; init; }
    [Id(2)] public required string? NameEn { get; init; }
    [Id(3)] public required string Area { get; init; }
    [Id(4)] public required double Latitude { get; init; }
    [Id(5)] public required double Longitude { get; init; }

    /// <summary>Within opening hours with at least one lane open.</summary>
    [Id(6)] public required bool Open { get; init; }

    [Id(7)] public required int QueueLength { get; init; }

    /// <summary>The wait in the best open standard lane; null when there is none or the site is outside its hours.</summary>
    [Id(8)] public required int? WaitMinutes { get; init; }

    /// <summary>The likely range of <see cref="WaitMinutes"/>; null exactly when it is.</summary>
    [Id(15)] public int? WaitMinutesLow { get; init; }

    [Id(16)] public int? WaitMinutesHigh { get; init; }

    [Id(9)] public required WaitBand WaitBand { get; init; }
    [Id(10)] public required bool GreenLaneOpen { get; init; }
    [Id(11)] public required int? GreenWaitMinutes { get; init; }
    [Id(17)] public int? GreenWaitMinutesLow { get; init; }
    [Id(18)] public int? GreenWaitMinutesHigh { get; init; }
    [Id(12)] public required int OpenLanes { get; init; }
    [Id(13)] public required int TotalLanes { get; init; }
    [Id(14)] public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Within the site's opening hours (lanes may still all be closed); false shows the site as resting.</summary>
    [Id(19)] public bool WithinHours { get; init; } = true;

    /// <summary>When the site's hours next begin (within a week), for "opens at 18:00"; null within hours.</summary>
    [Id(20)] public DateTimeOffset? NextOpening { get; init; }

    /// <summary>
    /// Open, yet no lane has reported for <c>QueueBoard:SilentAfterMinutes</c>: its numbers may be old, so screens grey it
    /// and never offer it as the shortest wait.
    /// </summary>
    [Id(21)] public bool Stale { get; init; }

    /// <summary>
    /// Whether a watcher would see a difference. The time of the last update counts by the minute: screens say how old
    /// their numbers are, so a site still reporting without visible change is pushed again once a minute, not never.
    /// </summary>
    public bool LooksSameAs(SiteSummary? other) =>
        other is not null
        && Id == other.Id
        && (BoardRowFields.Changed(this, other) & ~BoardRowFields.UpdatedAt) == 0
        && UpdatedAt.UtcTicks / TimeSpan.TicksPerMinute == other.UpdatedAt.UtcTicks / TimeSpan.TicksPerMinute;
}
