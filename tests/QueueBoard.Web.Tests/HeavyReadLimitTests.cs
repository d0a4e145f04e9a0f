using System.Net;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>
/// Public reads that ask every site or a stored day cost hundreds of grain calls each, so one address gets a small bucket of
/// them: a flood is turned away with 429 and Retry-After, while the board and a site's recent minutes stay open to it.
/// </summary>
public sealed class HeavyReadLimitTests
{
    [Fact]
    public async Task A_flood_of_district_history_reads_gets_429_while_the_board_and_recent_minutes_still_answer()
    {
        await using var app = new ConfiguredAppFactory(
            ("QueueBoard:Limits:AddressHeavyReadsPerSecond", "1"),
            ("QueueBoard:Limits:AddressHeavyReadBurst", "3"));
        var siteId = NewSiteId();
        using (var admin = app.Admin())
        {
            await admin.CreateSiteAsync(siteId);
        }

        using var anonymous = app.Anonymous();
        var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var heavy = new[] { "/api/v1/history?minutes=5", "/api/v1/replay", $"/api/v1/sites/{siteId}/history?date={today}", $"/api/v1/sites/{siteId}/lanes/1/history?date={today}" };
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add(await anonymous.GetAsync(heavy[i % heavy.Length], TestContext.Current.CancellationToken));
        }

        var refused = answers.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.InRange(answers.Count(r => r.StatusCode == HttpStatusCode.OK), 3, 6);
        Assert.Equal(12, answers.Count(r => r.StatusCode is HttpStatusCode.OK or HttpStatusCode.TooManyRequests));
        Assert.Equal("application/problem+json", refused[0].Content.Headers.ContentType?.MediaType);
        Assert.True(refused[0].Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), "429 without Retry-After");

        // Light reads from the same address are not in that bucket.
        foreach (var light in new[] { "/api/v1/sites", $"/api/v1/sites/{siteId}", $"/api/v1/sites/{siteId}/history?minutes=30", $"/api/v1/sites/{siteId}/lanes/1/history?minutes=30" })
        {
            using var answer = await anonymous.GetAsync(light, TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }

        answers.ForEach(r => r.Dispose());
    }
}
