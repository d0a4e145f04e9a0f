using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>The command centre acknowledges an alert for every screen; the mark lasts while the condition does.</summary>
[Collection(AppCollection.Name)]
public sealed class AlertAcknowledgeTests(QueueBoardAppFactory app)
{
    private readonly HttpClient _admin = app.Admin();
    private readonly string _siteId = NewSiteId();

    [Fact]
    public async Task An_acknowledged_alert_shows_when_and_ranks_after_the_rest_until_it_clears_and_comes_back_as_news()
    {
        await _admin.CreateSiteAsync(_siteId);
        await Send(Arrived("1", 6));
        var alertId = $"{_siteId}:no-open-lane";
        Assert.Null((await AlertAsync(alertId))!["acknowledgedAt"]?.GetValue<string>());

        using var lead = app.WithToken(await _admin.NewLeadCodeAsync(_siteId));
        Assert.Equal(HttpStatusCode.Forbidden, (await lead.PostAsJsonAsync("/api/v1/alerts/acknowledge", new { id = alertId })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Acknowledge(alertId)).StatusCode);

        var acknowledged = (await AlertAsync(alertId))!;
        Assert.InRange(acknowledged["acknowledgedAt"]!.GetValue<DateTimeOffset>(), DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True(acknowledged.Number("impact") >= 6, acknowledged.ToJsonString());
        var alerts = (await app.Anonymous().GetJsonAsync("/api/v1/overview"))["alerts"]!.AsArray();
        var index = alerts.Select(a => a!["id"]!.GetValue<string>()).ToList().IndexOf(alertId);
        Assert.All(alerts.Skip(index + 1), a => Assert.NotNull(a!["acknowledgedAt"]?.GetValue<string>()));

        // Cleared by opening a lane: acknowledging it now is refused; when it comes back it is news again.
        await Send(Status("1", "open"));
        await WaitUntilAsync(async () => await AlertAsync(alertId) is null, "the alert to clear");
        var gone = await Acknowledge(alertId);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal("application/problem+json", gone.Content.Headers.ContentType?.MediaType);

        await Send(Status("1", "closed"));
        await WaitUntilAsync(async () => await AlertAsync(alertId) is not null, "the alert to come back");
        Assert.Null((await AlertAsync(alertId))!["acknowledgedAt"]?.GetValue<string>());
    }

    [Fact]
    public async Task An_unknown_or_missing_alert_id_is_refused_by_name()
    {
        var unknown = await Acknowledge("no-such-site:crowded");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var missing = await _admin.PostAsJsonAsync("/api/v1/alerts/acknowledge", new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.True((await missing.ReadJsonAsync())["errors"]!.AsObject().ContainsKey("id"));
    }

    private async Task Send(params object[] events)
    {
        using var response = await _admin.PostEventsAsync(_siteId, events);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private Task<HttpResponseMessage> Acknowledge(string id) => _admin.PostAsJsonAsync("/api/v1/alerts/acknowledge", new { id });

    private async Task<JsonNode?> AlertAsync(string id) =>
        (await app.Anonymous().GetJsonAsync("/api/v1/overview"))["alerts"]!.AsArray().FirstOrDefault(a => a!["id"]!.GetValue<string>() == id);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await condition())
        {
            Assert.True(waited.Elapsed < TimeSpan.FromSeconds(15), $"waited 15 s for {what}");
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }
    }
}
