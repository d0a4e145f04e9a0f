namespace QueueBoard.Grains.Sites;

/// <summary>
/// A lane's own recent pace for <see cref="SiteAlerts"/>: its throughput averaged over about the last hour of serving
/// (only while open with people queued, so a meal break does not drag it down), against which a collapse is judged.
/// </summary>
public sealed class ThroughputBaseline
{
    private static readonly TimeSpan Horizon = TimeSpan.FromHours(1);

    /// <summary>Serving must have been seen this long before the baseline means anything.</summary>
    private static readonly TimeSpan Settled = TimeSpan.FromMinutes(20);

    private DateTimeOffset? _last;
    private TimeSpan _seen;

    public double PerMinute { get; private set; }

    /// <summary>
    /// Takes the lane's throughput now (null when it is not serving) and says whether it has fallen below
    /// <paramref name="share"/> of the baseline. A collapse does not pull the baseline down while it lasts.
    /// </summary>
    public bool Collapsed(DateTimeOffset now, double? throughput, double share)
    {
        var elapsed = _last is { } last && now > last ? now - last : TimeSpan.Zero;
        _last = now;
        if (throughput is not { } current)
        {
            return false;
        }

        var collapsed = _seen >= Settled && PerMinute >= 1 && current < share * PerMinute;
        if (!collapsed)
        {
            var weight = _seen == TimeSpan.Zero ? 1 : 1 - Math.Exp(-elapsed / Horizon);
            PerMinute += weight * (current - PerMinute);
            _seen += elapsed;
        }

        return collapsed;
    }
}
