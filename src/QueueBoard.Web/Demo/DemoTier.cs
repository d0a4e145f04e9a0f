namespace QueueBoard.Web.Demo;

/// <summary>
/// How busy a demo site is: how strongly it draws residents and how long its lanes are when the demo starts, so that a
/// fresh demo already shows every band (as on the article's evening: one site overrun while the next is nearly empty).
/// </summary>
public sealed record DemoTier(double Popularity, int StartQueueMin, int StartQueueMax)
{
    public static readonly DemoTier Crowded = new(1.9, 190, 260);
    public static readonly DemoTier Busy = new(1.3, 100, 170);
    public static readonly DemoTier Normal = new(1.0, 5, 60);
    public static readonly DemoTier Quiet = new(0.5, 0, 8);

    /// <summary>One site in ten crowded, two busy, five normal, two quiet.</summary>
    public static DemoTier Draw(Random random) => random.NextDouble() switch
    {
        < 0.1 => Crowded,
        < 0.3 => Busy,
        < 0.8 => Normal,
        _ => Quiet,
    };
}
