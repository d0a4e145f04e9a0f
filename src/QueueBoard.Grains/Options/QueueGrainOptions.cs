namespace QueueBoard.Grains.Options;

/// <summary>
/// The settings the grains need, bound by the web host from the <c>QueueBoard</c> configuration section.
/// </summary>
public sealed class QueueGrainOptions
{
    /// <summary>The district's time zone: opening hours, "today" and reports follow it.</summary>
    public string TimeZone { get; set; } = "Asia/Shanghai";

    /// <summary>The service time per person assumed for a lane until it has served anyone.</summary>
    public double DefaultServiceSeconds { get; set; } = 15;

    /// <summary>
    /// Whether open lanes of one kind share one wait, as people move to the shortest line: their queues and paces are
    /// pooled. Off (the default), each lane's wait is its own queue over its own pace, which the accuracy harness finds
    /// better unless people change lines often and unrecorded (docs/ESTIMATION.md).
    /// </summary>
    public bool PoolLanes { get; set; }

    /// <summary>A site's wait from which the command centre is warned (the contract's "crowded" band starts here too).</summary>
    public int AlertWaitMinutes { get; set; } = 50;

    /// <summary>A site's wait from which the warning is critical: people give up and go home untested.</summary>
    public int CriticalWaitMinutes { get; set; } = 90;

    /// <summary>A site's queue from which the command centre is warned whatever the wait (the site may run out of space).</summary>
    public int AlertQueueLength { get; set; } = 500;

    /// <summary>
    /// An open site whose lanes have not reported for this many minutes is stale on every screen, and raises a
    /// <c>silent</c> alert when people are queued.
    /// </summary>
    public double SilentAfterMinutes { get; set; } = 10;

    /// <summary>The shortest gap between two pushes of one site's picture.</summary>
    public TimeSpan SitePushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The shortest gap between two board or overview pushes.</summary>
    public TimeSpan BoardPushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a site re-reads its picture when no event arrives (opening hours, decay, midnight).</summary>
    public TimeSpan SiteRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
