using QueueBoard.Web.Contracts;

namespace QueueBoard.Web.Ingestion;

/// <summary>
/// What became of a batch: applied (with counts), refused as invalid (with field errors), aimed at no site, or not stored
/// because storage failed part-way (send it again with the same ids).
/// </summary>
public sealed record IngestResult(
    EventBatchResponse? Applied,
    Dictionary<string, string[]>? Errors,
    bool SiteFound = true,
    bool StorageFailed = false);
