namespace QueueBoard.Web.Contracts;

/// <summary>
/// The answer to an accepted batch: events applied, events skipped as already accepted, and the version of the site's
/// picture that shows them (<c>GET /api/v1/sites/{siteId}</c> and <c>siteUpdated</c> carry it): a picture with a lower
/// version was built before the batch.
/// </summary>
public sealed record EventBatchResponse(int Accepted, int Duplicates, long Version);
