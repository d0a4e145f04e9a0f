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
        await using var app = AppWithBudget();
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
            Assert.Equal("https://tools.ietf.org/html/rfc6585#section-4", (await refused.ReadJsonAsync())["type"]?.GetValue<string>());
        }

        Assert.Equal(1000, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}")).Number("queueLength"));

        using (var fromOther = await other.PostEventsAsync(siteId, Batch(10)))
        using (var fromAdmin = await admin.PostEventsAsync(siteId, Batch(1000)))
        {
            Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (fromOther.StatusCode, fromAdmin.StatusCode));
        }

        Assert.Equal(2010, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}")).Number("queueLength"));
    }

    [Fact]
    public async Task A_batch_that_could_never_be_applied_spends_none_of_the_budget()
    {
        await using var app = AppWithBudget();
        var siteId = NewSiteId();
        using var admin = app.Admin();
        await admin.CreateSiteAsync(siteId);
        using var lead = app.WithToken(await admin.NewLeadCodeAsync(siteId));

        // Ten thousand empty events, then a thousand good ones with one bad, then one too many: each is a 400 to fix,
        // not a 429 to wait out, and the lead's next full batch still goes through.
        var junk = "{\"events\":[" + string.Join(",", Enumerable.Repeat("{}", 10_000)) + "]}";
        using (var content = new System.Net.Http.StringContent(junk, System.Text.Encoding.UTF8, "application/json"))
        using (var refused = await lead.PostAsync($"/api/v1/sites/{siteId}/events", content, TestContext.Current.CancellationToken))
        {
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        object[] oneBad = [.. Batch(999), Arrived("1", -1, Guid.NewGuid().ToString())];
        foreach (var batch in new[] { oneBad, Batch(1001) })
        {
            using var refused = await lead.PostEventsAsync(siteId, batch);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        }

        using (var full = await lead.PostEventsAsync(siteId, Batch(1000)))
        {
            Assert.Equal(HttpStatusCode.OK, full.StatusCode);
        }

        Assert.Equal(1000, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}")).Number("queueLength"));
    }

    // A thousand events at once, then one a second: a full batch, and a second one refused straight after.
    private static ConfiguredAppFactory AppWithBudget() => new(
        ("QueueBoard:Limits:LeadEventsPerSecond", "1"),
        ("QueueBoard:Limits:LeadEventBurst", "1000"));

    private static object[] Batch(int events) => [.. Enumerable.Range(0, events).Select(_ => Arrived("1", 1, Guid.NewGuid().ToString()))];
}
