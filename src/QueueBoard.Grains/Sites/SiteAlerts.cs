using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Estimation;

namespace QueueBoard.Grains.Sites;

/// <summary>
/// Raises a site's alerts for the command centre from its current picture, remembering when each condition began so that
/// <see cref="Alert.Since"/> stays put while it lasts. One instance lives in each site grain.
/// </summary>
public sealed class SiteAlerts
{
    /// <summary>A paused lane with people waiting becomes a warning after this long (a meal break should not be longer).</summary>
    public static readonly TimeSpan PausedTooLong = TimeSpan.FromMinutes(20);

    /// <summary>A wait this long is critical: people will give up and go home untested.</summary>
    public const int CriticalWaitMinutes = 90;

    private readonly Dictionary<string, DateTimeOffset> _since = [];

    public ImmutableArray<Alert> Evaluate(SiteDetail site, bool withinHours, DateTimeOffset now)
    {
        var alerts = ImmutableArray.CreateBuilder<Alert>();
        var seen = new HashSet<string>();

        void Raise(string kind, string? laneId, AlertSeverity severity, string message)
        {
            var id = laneId is null ? $"{site.Id}:{kind}" : $"{site.Id}/{laneId}:{kind}";
            seen.Add(id);
            if (!_since.TryGetValue(id, out var since))
            {
                since = now;
                _since[id] = since;
            }

            alerts.Add(new Alert(id, kind, site.Id, laneId, severity, message, since));
        }

        if (site.WaitMinutes >= WaitBands.CrowdedFromMinutes)
        {
            var severity = site.WaitMinutes >= CriticalWaitMinutes ? AlertSeverity.Critical : AlertSeverity.Warning;
            Raise("crowded", null, severity, $"{site.Name}: wait {site.WaitMinutes} min, {site.QueueLength} queued");
        }

        if (withinHours && !site.Open && site.QueueLength > 0)
        {
            Raise("no-open-lane", null, AlertSeverity.Critical, $"{site.Name}: {site.QueueLength} queued but no lane is open");
        }

        if (site.Open && site.Lanes.Any(l => l.Kind == LaneKind.Green) && !site.GreenLaneOpen)
        {
            Raise("green-lane-closed", null, AlertSeverity.Info, $"{site.Name}: no green lane open");
        }

        foreach (var lane in site.Lanes.Where(l => withinHours && l.Status == LaneStatus.Paused && l.QueueLength > 0))
        {
            var id = $"{site.Id}/{lane.Id}:paused-with-queue";
            var pausedFor = _since.TryGetValue(id, out var since) ? now - since : TimeSpan.Zero;
            var severity = pausedFor >= PausedTooLong ? AlertSeverity.Warning : AlertSeverity.Info;
            Raise("paused-with-queue", lane.Id, severity, $"{site.Name} {lane.Name}: paused with {lane.QueueLength} queued");
        }

        foreach (var gone in _since.Keys.Where(id => !seen.Contains(id)).ToList())
        {
            _since.Remove(gone);
        }

        return alerts.ToImmutable();
    }
}
