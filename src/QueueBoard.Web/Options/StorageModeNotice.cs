namespace QueueBoard.Web.Options;

/// <summary>The storage mode chosen at start-up, for <see cref="StorageModeWarning"/>.</summary>
public sealed record StorageModeNotice(StorageMode Mode);
