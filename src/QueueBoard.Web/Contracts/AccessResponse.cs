namespace QueueBoard.Web.Contracts;

/// <summary>What a bearer token may do at a site; lets the lead console check a code at sign-in.</summary>
public sealed record AccessResponse(string Role, string SiteId);
