using System.Diagnostics.Metrics;

namespace QueueBoard.Web.Telemetry;

/// <summary>
/// QueueBoard's own meters, exported at <c>/metrics</c> under the <c>queueboard_</c> prefix beside the ASP.NET Core and
/// Orleans ones: what the ingest path accepted and refused (by reason), what the hub pushed, and how many watchers are
/// connected to this node.
/// </summary>
public sealed class QueueBoardMetrics
{
    public const string MeterName = "QueueBoard";

    private readonly Counter<long> _accepted;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _pushes;
    private readonly UpDownCounter<long> _watchers;

    public QueueBoardMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _accepted = meter.CreateCounter<long>("queueboard.events.accepted", "{event}", "Lane events applied.");
        _rejected = meter.CreateCounter<long>("queueboard.events.rejected", "{event}", "Lane events not applied, by reason.");
        _pushes = meter.CreateCounter<long>("queueboard.pushes", "{push}", "Pushes started to watchers, by kind.");
        _watchers = meter.CreateUpDownCounter<long>("queueboard.watchers.connected", "{connection}", "Hub connections open on this node.");
    }

    public void Accepted(int count) => _accepted.Add(count);

    /// <summary>Events refused or skipped: <c>duplicate</c>, <c>invalid</c>, <c>unknown_site</c> or <c>storage</c>.</summary>
    public void Rejected(int count, string reason)
    {
        if (count > 0)
        {
            _rejected.Add(count, new KeyValuePair<string, object?>("reason", reason));
        }
    }

    public void Pushed(string kind) => _pushes.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void WatcherConnected() => _watchers.Add(1);

    public void WatcherDisconnected() => _watchers.Add(-1);
}
