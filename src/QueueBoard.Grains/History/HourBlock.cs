namespace QueueBoard.Grains.History;

/// <summary>
/// One hour of a site's minutes as it is kept for the week (<see cref="HourArchive"/>): arrivals, serves, the queue and
/// wait at each minute's end, and each lane's minutes open, as plain arrays (a wait of -1 is none). About half a kilobyte in storage; 24 make a day.
/// </summary>
[GenerateSerializer]
public sealed class HourBlock
{
    public const int NoWait = -1;

    [Id(0)] public int[] Arrived { get; set; } = new int[60];
    [Id(1)] public int[] Served { get; set; } = new int[60];
    [Id(2)] public int[] Queue { get; set; } = new int[60];
    [Id(3)] public int[] Wait { get; set; } = new int[60];

    /// <summary>Minutes of the hour each lane (by id) was marked open; lanes never open are left out.</summary>
    [Id(4)] public Dictionary<string, int> LaneMinutesOpen { get; set; } = [];
}
