using System.Net;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>
/// A lead code is held to a budget of events, not only of posts: a full batch of a thousand goes through, the next
/// thousand straight after is refused with 429 and Retry-After and changes nothing, while another code of the site and the
/// command centre's token keep posting.
/// </summary>
public sealed class LeadEventBudgetTests
{
    [Fact]
    public async Task A_code_past_its_event_budget_gets_429_and_nothing_applied_while_others_post_on()
    {
        await using var app = new ConfiguredAppFactory(
            ("QueueBoard:Limits:LeadEventsPerSecond", "1"),
            ("QueueBoard:Limits:LeadEventBurst", "1000"));
        var siteId = NewSiteId();
        using var admin = app.Admin();
        await admin.CreateSiteAsync(siteId);
        using var busy = app.WithToken(await admin.NewLeadCodeAsync(siteId));
        using var other = app.WithToken(await admin.NewLeadCodeAsync(siteId));

        using (var full = await busy.PostEventsAsync(siteId, Batch(1000)))
        {
            Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        }

        using (var refused = await busy.PostEventsAsync(siteId, Batch(1000)))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
            Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
            Assert.True(refused.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After");
        }

        Assert.Equal(1000, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}")).Number("queueLength"));

        using (var fromOther = await other.PostEventsAsync(siteId, Batch(10)))
        using (var fromAdmin = await admin.PostEventsAsync(siteId, Batch(1000)))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (fromOther.StatusCode, fromAdmin.StatusCode));
        }

        Assert.Equal(2010, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}")).Number("queueLength"));
    }

    private static object[] Batch(int events) => [.. Enumerable.Range(0, events).Select(_ => Arrived("1", 1, Guid.NewGuid().ToString()))];
}
