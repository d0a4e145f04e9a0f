namespace QueueBoard.Abstractions.Model;

/// <summary>
/// Bounds on what a lane can hold, far above anything real (a lane serves a few thousand people a day), so that valid
/// but absurd input saturates instead of overflowing the totals that sites and the district add up.
/// </summary>
public static class LaneLimits
{
    /// <summary>The most people a lane's queue can hold; also the largest head count accepted.</summary>
    public const int MaximumQueue = 100_000;

    /// <summary>The most serves a lane counts in one day.</summary>
    public const int MaximumServedPerDay = 1_000_000;
}
