namespace QueueBoard.Web.Contracts;

/// <summary>The body of <c>POST /api/v1/alerts/acknowledge</c>: the overview alert's <c>id</c>.</summary>
public sealed record AlertAcknowledgeRequest(string? Id);
