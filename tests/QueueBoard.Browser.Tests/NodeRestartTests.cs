using System.Net;
using QueueBoard.Testing;
using static Microsoft.Playwright.Assertions;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// A wall screen on a cluster node (the built dll on Redis, a real process) when that node is killed and comes back: the
/// page reconnects by itself and keeps showing new numbers, however many versions it saw before the restart.
/// </summary>
[Collection(BrowserApartCollection.Name)]
public sealed class NodeRestartTests(QuietBrowserFixture browser)
{
    [Fact]
    public async Task A_wall_stays_live_across_a_kill_and_restart_of_the_node_it_is_connected_to()
    {
        Chromium.Require();
        await using var redis = await RedisServer.StartNewAsync();
        await using var node = NodeProcess.InCluster("wall-node", redis.Address, $"qb-{Guid.NewGuid():N}"[..12]);
        await node.StartAsync();
        var siteId = NewSiteId();
        using (var admin = node.Admin())
        {
            await admin.CreateSiteAsync(siteId);
        }

        var wall = await browser.NewPageAsync(1920, 1080, node.BaseAddress);
        await wall.GotoAsync($"/wall/{siteId}");

        // A run of pushes before the restart, so the wall has seen versions a fresh activation would start below.
        for (var queue = 1; queue <= 6; queue++)
        {
            await PostAsync(node, siteId, Arrived("1", 1, Guid.NewGuid().ToString()));
            await Expect(Screens.LaneQueue(wall, "1")).ToHaveTextAsync(queue.ToString(System.Globalization.CultureInfo.InvariantCulture), new() { Timeout = 15_000 });
        }

        await node.KillAsync();
        await node.StartAsync();

        await PostAsync(node, siteId, Arrived("1", 3, Guid.NewGuid().ToString()));
        await Expect(Screens.LaneQueue(wall, "1")).ToHaveTextAsync("9", new() { Timeout = 30_000 });
        await PostAsync(node, siteId, Served("1", 2));
        await Expect(Screens.LaneQueue(wall, "1")).ToHaveTextAsync("7", new() { Timeout = 10_000 });
    }

    private static async Task PostAsync(NodeProcess node, string siteId, object @event)
    {
        using var admin = node.Admin();
        using var response = await admin.PostEventsAsync(siteId, @event);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
