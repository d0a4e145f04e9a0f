namespace QueueBoard.Web.Contracts;

/// <summary>The answer to an accepted batch: events applied, and events skipped as already accepted.</summary>
public sealed record EventBatchResponse(int Accepted, int Duplicates);
