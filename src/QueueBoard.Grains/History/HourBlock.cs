namespace QueueBoard.Grains.History;

/// <summary>
/// One hour of a site's minutes as it is kept for the week (<see cref="HourArchive"/>): arrivals, serves, and the queue and
/// wait at each minute's end, as plain arrays (a wait of -1 is none). About half a kilobyte in storage; 24 make a day.
/// </summary>
[GenerateSerializer]
public sealed class HourBlock
{
    public const int NoWait = -1;

    [Id(0)] public int[] Arrived { get; set; } = new int[60];
    [Id(1)] public int[] Served { get; set; } = new int[60];
    [Id(2)] public int[] Queue { get; set; } = new int[60];
    [Id(3)] public int[] Wait { get; set; } = new int[60];
}
