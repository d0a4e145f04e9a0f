using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Options;

namespace QueueBoard.Grains.Sites;

/// <summary>
/// Raises a site's alerts for the command centre from its current picture, remembering when each condition began so that
/// <see cref="Alert.Since"/> stays put while it lasts, and clearing each as soon as its condition ends. It also keeps, in
/// memory, what the trend alerts compare against: each lane's throughput over the last hour and the site's queue by minute.
/// One instance lives in each site grain.
/// </summary>
public sealed class SiteAlerts(QueueGrainOptions options)
{
    /// <summary>A paused lane with people waiting becomes a warning after this long (a meal break should not be longer).</summary>
    public static readonly TimeSpan PausedTooLong = TimeSpan.FromMinutes(20);

    /// <summary>A pause shorter than this (a swabber changing gloves) is not worth an operator's eye.</summary>
    public static readonly TimeSpan PausedGrace = TimeSpan.FromMinutes(2);

    /// <summary>A lane serving at less than this share of its own last-hour pace, with people queued, has collapsed.</summary>
    public const double CollapsedShare = 0.4;

    /// <summary>How long a queue must have grown, minute after minute in 5-minute steps, to raise an alert.</summary>
    public const int GrowingForMinutes = 15;

    private readonly Dictionary<string, DateTimeOffset> _since = [];
    private readonly Dictionary<string, ThroughputBaseline> _baselines = [];
    private readonly QueueTrend _queue = new(GrowingForMinutes);

    // Evaluate runs for every lead post: the set of conditions seen is kept between calls rather than made anew.
    private readonly HashSet<string> _seen = [];

    public ImmutableArray<Alert> Evaluate(SiteDetail site, bool withinHours, DateTimeOffset now)
    {
        ImmutableArray<Alert>.Builder? alerts = null;
        var seen = _seen;
        seen.Clear();

        string IdOf(string kind, string? laneId) => laneId is null ? $"{site.Id}:{kind}" : $"{site.Id}/{laneId}:{kind}";

        // When the condition began, kept while it lasts whether or not it is shown yet.
        DateTimeOffset Track(string id)
        {
            seen.Add(id);
            if (!_since.TryGetValue(id, out var since))
            {
                since = now;
                _since[id] = since;
            }

            return since;
        }

        int Minutes(DateTimeOffset since) => Math.Max(1, (int)(now - since).TotalMinutes);

        void Raise(string kind, string? laneId, AlertSeverity severity, string message, Func<DateTimeOffset, long> impact)
        {
            var id = IdOf(kind, laneId);
            var since = Track(id);
            (alerts ??= ImmutableArray.CreateBuilder<Alert>()).Add(new Alert(id, kind, site.Id, laneId, severity, message, since) { Impact = (int)Math.Min(int.MaxValue, impact(since)) });
        }

        long Waiting(DateTimeOffset _) => (long)site.QueueLength * Math.Max(1, site.WaitMinutes ?? 1);

        if (site.WaitMinutes >= options.AlertWaitMinutes)
        {
            var severity = site.WaitMinutes >= options.CriticalWaitMinutes ? AlertSeverity.Critical : AlertSeverity.Warning;
            Raise("crowded", null, severity, $"{site.Name}: wait {site.WaitMinutes} min, {site.QueueLength} queued", Waiting);
        }

        // A crowded site's long queue is the same condition: one alert for it, not two.
        if (withinHours && site.QueueLength >= options.AlertQueueLength && !(site.WaitMinutes >= options.AlertWaitMinutes))
        {
            Raise("queue-long", null, AlertSeverity.Warning, $"{site.Name}: {site.QueueLength} queued", Waiting);
        }

        if (withinHours && !site.Open && site.QueueLength > 0)
        {
            Raise("no-open-lane", null, AlertSeverity.Critical, $"{site.Name}: {site.QueueLength} queued but no lane is open",
                since => (long)site.QueueLength * Minutes(since));
        }

        if (site.Stale && site.QueueLength > 0)
        {
            // Its screens still show the last numbers (greyed); someone should ring the site.
            var silentFor = (int)(now - site.UpdatedAt).TotalMinutes;
            Raise("silent", null, AlertSeverity.Warning, $"{site.Name}: no report for {silentFor} min, {site.QueueLength} queued",
                _ => (long)site.QueueLength * Math.Max(1, silentFor));
        }

        if (site.Open && !site.GreenLaneOpen && site.Lanes.Any(l => l.Kind == LaneKind.Green))
        {
            Raise("green-lane-closed", null, AlertSeverity.Info, $"{site.Name}: no green lane open", _ => 0);
        }

        if (_queue.Record(now, withinHours ? site.QueueLength : null))
        {
            Raise("queue-growing", null, AlertSeverity.Warning, $"{site.Name}: queue has grown for {GrowingForMinutes} minutes, now {site.QueueLength}", Waiting);
        }

        foreach (var lane in site.Lanes)
        {
            if (!withinHours || lane.Status != LaneStatus.Paused || lane.QueueLength <= 0)
            {
                continue;
            }

            var pausedFor = now - Track(IdOf("paused-with-queue", lane.Id));
            if (pausedFor < PausedGrace)
            {
                continue;
            }

            var severity = pausedFor >= PausedTooLong ? AlertSeverity.Warning : AlertSeverity.Info;
            Raise("paused-with-queue", lane.Id, severity, $"{site.Name} {lane.Name}: paused with {lane.QueueLength} queued for {(int)pausedFor.TotalMinutes} min",
                since => (long)lane.QueueLength * Minutes(since));
        }

        foreach (var lane in site.Lanes)
        {
            var serving = withinHours && lane.Status == LaneStatus.Open && lane.QueueLength > 0;
            var baseline = _baselines.TryGetValue(lane.Id, out var known) ? known : _baselines[lane.Id] = new ThroughputBaseline();
            if (baseline.Collapsed(now, serving ? lane.MeasuredPerMinute : null, CollapsedShare))
            {
                Raise("throughput-drop", lane.Id, AlertSeverity.Warning,
                    $"{site.Name} {lane.Name}: serving {lane.MeasuredPerMinute:0.0}/min against {baseline.PerMinute:0.0}/min over the last hour, {lane.QueueLength} queued",
                    _ => (long)lane.QueueLength * Math.Max(1, lane.WaitMinutes ?? 1));
            }
        }

        // Every condition seen is tracked, so equal counts mean none has ended.
        if (_since.Count != seen.Count)
        {
            foreach (var gone in _since.Keys.Where(id => !seen.Contains(id)).ToList())
            {
                _since.Remove(gone);
            }
        }

        return alerts?.ToImmutable() ?? [];
    }
}
