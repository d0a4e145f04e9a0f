namespace QueueBoard.Web.Contracts;

/// <summary>One lane event as sent by a site lead's device (or the demo simulator); checked by <see cref="Validation.EventBatchValidator"/>.</summary>
public sealed record LaneEventRequest(
    string? Lane,
    string? Type,
    string? Id = null,
    int? Count = null,
    string? Status = null,
    string? At = null);
