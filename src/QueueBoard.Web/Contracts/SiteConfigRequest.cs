namespace QueueBoard.Web.Contracts;

/// <summary>The body of <c>PUT /api/v1/sites/{siteId}</c>, as sent; checked by <see cref="Validation.SiteConfigValidator"/>.</summary>
public sealed record SiteConfigRequest(
    string? Name,
    string? Area,
    double? Latitude,
    double? Longitude,
    IReadOnlyList<LaneConfigRequest?>? Lanes,
    string? NameEn = null,
    IReadOnlyList<OpenSpanRequest?>? OpenHours = null,
    IReadOnlyList<OpenSpanRequest?>? Breaks = null);
