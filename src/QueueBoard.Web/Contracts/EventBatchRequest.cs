namespace QueueBoard.Web.Contracts;

/// <summary>The body of <c>POST /api/v1/sites/{siteId}/events</c>: 1 to 1000 events, applied all or nothing.</summary>
public sealed record EventBatchRequest(IReadOnlyList<LaneEventRequest?>? Events);
