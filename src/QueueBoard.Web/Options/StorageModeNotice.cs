namespace QueueBoard.Web.Options;

/// <summary>The storage mode chosen at start-up and the environment it was chosen in, for <see cref="StorageModeWarning"/>.</summary>
public sealed record StorageModeNotice(StorageMode Mode, string Environment);
