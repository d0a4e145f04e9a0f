using QueueBoard.Web.Contracts;

namespace QueueBoard.Web.Ingestion;

/// <summary>What became of a batch: applied (with counts), refused as invalid (with field errors), or aimed at no site.</summary>
public sealed record IngestResult(EventBatchResponse? Applied, Dictionary<string, string[]>? Errors, bool SiteFound = true);
