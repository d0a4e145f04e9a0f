namespace QueueBoard.Grains.History;

/// <summary>One minute of a <see cref="MinuteHistory"/>: flows within the minute and the level last seen in it.</summary>
[GenerateSerializer]
public sealed class MinuteBucket
{
    [Id(0)] public int Arrived { get; set; }
    [Id(1)] public int Served { get; set; }

    /// <summary>The queue length last recorded in this minute; null when none was.</summary>
    [Id(2)] public int? QueueLength { get; set; }

    [Id(3)] public int? WaitMinutes { get; set; }

    /// <summary>A site's lanes marked open at the minute's end, one bit per lane in configured order; null for a lane's own history.</summary>
    [Id(4)] public long? OpenLanes { get; set; }
}
