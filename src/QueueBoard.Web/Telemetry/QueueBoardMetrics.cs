using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Telemetry;

/// <summary>
/// QueueBoard's own meters, exported at <c>/metrics</c> under the <c>queueboard_</c> prefix beside the ASP.NET Core and
/// Orleans ones (whose catalog counts grain activations): what the ingest path accepted and refused (by reason), what the
/// hub pushed, how many watchers are connected to this node, and each site's queue and wait as its board row last showed
/// them. The board rows pass through the node that hosts the district grain, so in a cluster that node alone reports the
/// per-site gauges, and lets them go when the district leaves it, so that no series is counted twice.
/// </summary>
public sealed class QueueBoardMetrics
{
    public const string MeterName = "QueueBoard";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _pushes;
    private readonly UpDownCounter<long> _watchers;
    private readonly ConcurrentDictionary<string, (int Queue, int? Wait)> _sites = new(StringComparer.Ordinal);

    public QueueBoardMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>("queueboard.events.accepted", "{event}", "Lane events applied.");
        _rejected = meter.CreateCounter<long>("queueboard.events.rejected", "{event}", "Lane events not applied, by reason.");
        _pushes = meter.CreateCounter<long>("queueboard.pushes", "{push}", "Pushes started to watchers, by kind.");
        _watchers = meter.CreateUpDownCounter<long>("queueboard.watchers.connected", "{connection}", "Hub connections open on this node.");
        meter.CreateObservableGauge("queueboard.site.queue", () => _sites.Select(s => new Measurement<int>(s.Value.Queue, Site(s.Key))), "{person}", "People queued at each site.");
        meter.CreateObservableGauge(
            "queueboard.site.wait",
            () => _sites.Where(s => s.Value.Wait is not null).Select(s => new Measurement<int>(s.Value.Wait!.Value, Site(s.Key))),
            "min",
            "Each open site's posted wait.");
    }

    /// <summary>
    /// Board rows as pushed: the first push holds every site, later ones the sites that changed. The board's groups of
    /// phones take turns, so each change comes here once per group; only a new value is written.
    /// </summary>
    public void SitesChanged(IEnumerable<SiteSummary> rows)
    {
        foreach (var row in rows)
        {
            var value = (row.QueueLength, row.WaitMinutes);
            if (!_sites.TryGetValue(row.Id, out var shown) || shown != value)
            {
                _sites[row.Id] = value;
            }
        }
    }

    /// <summary>The district left this node: its next activation, wherever it is, reports every site again.</summary>
    public void SitesReleased() => _sites.Clear();

    public void Accepted(int count) => _accepted.Add(count);

    /// <summary>Events refused or skipped: <c>duplicate</c>, <c>invalid</c>, <c>unknown_site</c> or <c>storage</c>.</summary>
    public void Rejected(int count, string reason)
    {
        if (count > 0)
        {
            _rejected.Add(count, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    /// <summary>A push sent to a group: <c>site</c>, <c>board</c>, <c>board_packed</c> (phones), <c>board_compact</c> (phones on the older form) or <c>overview</c>.</summary>
    public void Pushed(string kind) => _pushes.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void WatcherConnected() => _watchers.Add(1);

    public void WatcherDisconnected() => _watchers.Add(-1);

    private static KeyValuePair<string, object?> Site(string id) => new("site", id);
}
