namespace QueueBoard.Web.Contracts;

/// <summary>One lane of a site configuration as sent; <c>kind</c> is <c>standard</c> or <c>green</c>.</summary>
public sealed record LaneConfigRequest(string? Id, string? Name, string? Kind);
