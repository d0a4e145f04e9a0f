using System.Net;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>A flood from one lead code is turned away with 429 and Retry-After, recovers, and leaves other codes alone.</summary>
public sealed class RateLimitTests
{
    [Fact]
    public async Task A_flooding_code_gets_429_with_retry_after_then_recovers_and_another_code_is_unaffected()
    {
        await using var app = new ConfiguredAppFactory(
            ("QueueBoard:Limits:LeadWritesPerSecond", "1"),
            ("QueueBoard:Limits:LeadWriteBurst", "5"));
        var siteId = NewSiteId();
        using var admin = app.Admin();
        await admin.CreateSiteAsync(siteId);
        using var flooding = app.WithToken(await admin.NewLeadCodeAsync(siteId));
        using var other = app.WithToken(await admin.NewLeadCodeAsync(siteId));

        var answers = new List<HttpResponseMessage>();
        var flood = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 12; i++)
        {
            answers.Add(await flooding.PostEventsAsync(siteId, Arrived("1", 1, Guid.NewGuid().ToString())));
        }

        var refused = answers.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        var accepted = answers.Count(r => r.StatusCode == HttpStatusCode.OK);

        // A burst of 5, then 1 more a second for as long as the flood took.
        Assert.InRange(accepted, 5, 5 + (int)Math.Ceiling(flood.Elapsed.TotalSeconds) + 1);
        Assert.Equal(12, accepted + refused.Count);
        Assert.All(refused, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After"));
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
        Assert.Equal(accepted, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{siteId}")).Number("queueLength"));

        using (var unaffected = await other.PostEventsAsync(siteId, Arrived("1", 1, Guid.NewGuid().ToString())))
        {
            Assert.Equal(HttpStatusCode.OK, unaffected.StatusCode);
        }

        await Task.Delay(refused[^1].Headers.RetryAfter!.Delta!.Value + TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        using var recovered = await flooding.PostEventsAsync(siteId, Arrived("1", 1, Guid.NewGuid().ToString()));
        Assert.Equal(HttpStatusCode.OK, recovered.StatusCode);
        answers.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Health_probes_answer_while_their_address_is_over_its_read_limit()
    {
        await using var app = new ConfiguredAppFactory(("QueueBoard:Limits:AddressReadsPerSecond", "1"), ("QueueBoard:Limits:AddressReadBurst", "2"));
        using var probe = app.Anonymous();
        var board = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var answer = await probe.GetAsync("/api/v1/sites", TestContext.Current.CancellationToken);
            board.Add(answer.StatusCode);
        }

        Assert.Contains(HttpStatusCode.TooManyRequests, board);
        foreach (var path in new[] { "/health/live", "/health/ready", "/health/live", "/health/ready" })
        {
            using var answer = await probe.GetAsync(path, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
    }
}
