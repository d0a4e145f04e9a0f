namespace QueueBoard.Grains.District;

/// <summary>An alert the command centre has acknowledged, kept in <see cref="DistrictState"/> while its condition lasts.</summary>
[GenerateSerializer]
public sealed record AlertAcknowledgement([property: Id(0)] string SiteId, [property: Id(1)] DateTimeOffset At);
