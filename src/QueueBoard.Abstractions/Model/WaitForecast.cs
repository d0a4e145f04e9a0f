using System.Collections.Immutable;

namespace QueueBoard.Abstractions.Model;

/// <summary>
/// "Best time to come": the expected wait by half-hour for the rest of the site's day within its opening hours, built by
/// the site grain and served by <c>GET /api/v1/sites/{siteId}/forecast</c> to the resident site view.
/// <see cref="Basis"/> says what the arrivals ahead were taken from: <c>history</c> (yesterday's arrivals at the same
/// times, scaled to how today compares so far) or <c>recent</c> (the last half hour's pace, held).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record WaitForecast(
    [property: Id(0)] ImmutableArray<ForecastSlot> Slots,
    [property: Id(1)] string Basis);
