using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using QueueBoard.Grains.History;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// A week of minutes for every site and lane must stay small in storage: a busy hour's record, in Orleans' binary format
/// as both storage modes write it, is measured here (docs/ARCHITECTURE.md quotes it).
/// </summary>
public sealed class HourBlockSizeTests
{
    [Fact]
    public void A_busy_lane_or_site_hour_is_at_most_640_bytes()
    {
        var serializer = new ServiceCollection().AddSerializer(b => b.AddAssembly(typeof(HourBlock).Assembly)).BuildServiceProvider().GetRequiredService<Serializer>();
        var random = new Random(7);
        var lane = new HourBlock();
        var site = new HourBlock { LaneMinutesOpen = Enumerable.Range(1, 6).ToDictionary(i => $"{i}", _ => 60) };
        for (var minute = 0; minute < 60; minute++)
        {
            // A lane serving 4 a minute with 150-250 queued; a site of six such lanes with a posted wait.
            lane.Arrived[minute] = random.Next(2, 7);
            lane.Served[minute] = random.Next(3, 6);
            lane.Queue[minute] = random.Next(150, 250);
            lane.Wait[minute] = HourBlock.NoWait;
            site.Arrived[minute] = random.Next(15, 35);
            site.Served[minute] = random.Next(20, 30);
            site.Queue[minute] = random.Next(900, 1500);
            site.Wait[minute] = random.Next(30, 60);
        }

        var laneBytes = serializer.SerializeToArray(lane).Length;
        var siteBytes = serializer.SerializeToArray(site).Length;
        TestContext.Current.TestOutputHelper?.WriteLine($"lane hour {laneBytes} B ({laneBytes * 24 / 1024.0:0.0} KB a lane-day); site hour {siteBytes} B ({siteBytes * 24 / 1024.0:0.0} KB a site-day)");
        Assert.InRange(laneBytes, 100, 640);
        Assert.InRange(siteBytes, 100, 640);
    }
}
