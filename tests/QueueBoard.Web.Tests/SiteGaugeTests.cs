using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Telemetry;

namespace QueueBoard.Web.Tests;

/// <summary>
/// The per-site gauges are reported by the node the board rows pass through, the district's; once the district leaves a
/// node, that node reports none, so a scrape of the whole cluster never counts a site twice or shows an old queue.
/// </summary>
public sealed class SiteGaugeTests
{
    [Fact]
    public void A_node_the_district_left_reports_no_site_until_the_district_pushes_through_it_again()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var meters = services.GetRequiredService<IMeterFactory>();
        var metrics = new QueueBoardMetrics(meters);

        metrics.SitesChanged([Row("a", 3), Row("b", 5)]);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 3, ["b"] = 5 }, Queues(meters));

        metrics.SitesReleased();
        Assert.Empty(Queues(meters));

        metrics.SitesChanged([Row("a", 4)]);
        Assert.Equal(new Dictionary<string, int> { ["a"] = 4 }, Queues(meters));
    }

    private static Dictionary<string, int> Queues(IMeterFactory meters)
    {
        var queues = new Dictionary<string, int>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Other tests' apps in this process have meters of the same name; only this factory's are read.
            if (instrument.Meter.Scope == meters && instrument.Name == "queueboard.site.queue")
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((_, value, tags, _) => queues[(string)tags[0].Value!] = value);
        listener.Start();
        listener.RecordObservableInstruments();
        return queues;
    }

    private static SiteSummary Row(string id, int queue) => new()
    {
        Id = id, Name = id, NameEn = id, Area = "a", Latitude = 0, Longitude = 0, Open = true, QueueLength = queue,
        WaitMinutes = queue, WaitBand = WaitBand.Smooth, GreenLaneOpen = false, GreenWaitMinutes = null, OpenLanes = 1,
        TotalLanes = 1, UpdatedAt = DateTimeOffset.UnixEpoch,
    };
}
