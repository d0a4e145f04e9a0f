namespace QueueBoard.Web.Contracts;

/// <summary>
/// One lane of a site configuration as sent; <c>kind</c> is <c>standard</c> or <c>green</c>, and <c>breaks</c> are the
/// lane's own planned pauses as local spans.
/// </summary>
public sealed record LaneConfigRequest(string? Id, string? Name, string? Kind, IReadOnlyList<OpenSpanRequest?>? Breaks = null);
