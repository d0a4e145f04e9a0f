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

    /// <summary>The shortest gap between two pushes of one site's picture.</summary>
    public TimeSpan SitePushInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>The shortest gap between two board or overview pushes.</summary>
    public TimeSpan BoardPushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How often a site re-reads its picture when no event arrives (opening hours, decay, midnight).</summary>
    public TimeSpan SiteRefreshInterval { get; set; } = TimeSpan.FromSeconds(10);
}
