namespace QueueBoard.Web.Contracts;

/// <summary>A new lead code, shown once: only its hash is kept.</summary>
public sealed record LeadCodeResponse(string Code);
