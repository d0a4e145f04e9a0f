using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using QueueBoard.Testing;
using QueueBoard.Web.Audit;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>
/// A node stopped on purpose keeps its leads' audit lines: the posts it gathered but had not yet sent reach the trail in
/// Redis as it stops, and a node started after it shows them. Real Redis, two nodes one after the other.
/// </summary>
public sealed class AuditStopTests
{
    [Fact]
    public async Task Lead_posts_gathered_when_a_node_stops_on_purpose_are_in_the_audit_the_next_node_reads()
    {
        await using var redis = await RedisServer.StartNewAsync();
        var clusterId = $"audit-stop-{Guid.NewGuid():N}"[..24];
        var siteId = NewSiteId();

        // The first node's once-a-second send never comes (its clock stands still): only a flush on stopping can carry the lines.
        var stopped = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using (var first = new RedisNode(redis.Address, clusterId, stopped))
        {
            using var admin = first.Admin();
            await admin.CreateSiteAsync(siteId);
            var code = await admin.NewLeadCodeAsync(siteId);
            using var lead = first.WithToken(code);
            Assert.Equal(HttpStatusCode.OK, (await lead.PostEventsAsync(siteId, Arrived("1", 2))).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await lead.PostEventsAsync(siteId, Arrived("1", 3))).StatusCode);
        }

        await using var second = new RedisNode(redis.Address, clusterId, null);
        using var reader = second.Admin();
        var audit = await reader.GetArrayAsync($"/api/v1/sites/{siteId}/audit");

        var posts = Assert.Single(audit, e => e!["action"]!.GetValue<string>() == "events")!;
        Assert.StartsWith("lead:", posts["who"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((2, 2), (posts.Number("requests"), posts.Number("events")));
    }

    /// <summary>A node on the given Redis; with <paramref name="auditClock"/>, its audit trail keeps that clock.</summary>
    private sealed class RedisNode(string redis, string clusterId, TimeProvider? auditClock) : QueueBoardAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("QueueBoard:Redis", redis);
            builder.UseSetting("QueueBoard:ClusterId", clusterId);
            builder.UseSetting("QueueBoard:ServiceId", clusterId);
            builder.UseSetting("QueueBoard:AdvertisedAddress", "127.0.0.1");
            if (auditClock is not null)
            {
                builder.ConfigureTestServices(services => services.AddSingleton(provider => ActivatorUtilities.CreateInstance<AuditTrail>(provider, auditClock)));
            }
        }
    }
}
