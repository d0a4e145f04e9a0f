using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>
/// <c>/metrics</c> is Prometheus text that a scraper can read, and QueueBoard's counters move with traffic. It runs alone
/// on an app of its own: meters are matched by name across the process, so another test's app would share the series.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed partial class MetricsTests
{
    [Fact]
    public async Task Metrics_parse_as_prometheus_text_and_the_event_counters_move_with_traffic()
    {
        await using var app = new QueueBoardAppFactory();
        using var admin = app.Admin();
        var siteId = NewSiteId();
        await admin.CreateSiteAsync(siteId);
        var before = await ScrapeAsync(app);

        var id = Guid.NewGuid().ToString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostEventsAsync(siteId, Arrived("1", 1, id), Arrived("2", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostEventsAsync(siteId, Arrived("1", 1, id))).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PostEventsAsync(siteId, Arrived("9", 1))).StatusCode);

        // The exporter refreshes its snapshot on scrape; give a moment for the collection to catch up.
        Dictionary<string, double> after = [];
        for (var attempt = 0; attempt < 50; attempt++)
        {
            after = await ScrapeAsync(app);
            if (Value(after, "queueboard_events_accepted_total") - Value(before, "queueboard_events_accepted_total") >= 2
                && Value(after, $"queueboard_site_queue{{site=\"{siteId}\"}}") == 2)
            {
                break;
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.True(Value(after, "queueboard_events_accepted_total") - Value(before, "queueboard_events_accepted_total") >= 2);
        Assert.True(Value(after, "queueboard_events_rejected_total{reason=\"duplicate\"}") - Value(before, "queueboard_events_rejected_total{reason=\"duplicate\"}") >= 1);
        Assert.True(Value(after, "queueboard_events_rejected_total{reason=\"invalid\"}") - Value(before, "queueboard_events_rejected_total{reason=\"invalid\"}") >= 1);
        // Two people queued on the site's closed lanes: a queue, and no wait to report.
        Assert.Equal(2, Value(after, $"queueboard_site_queue{{site=\"{siteId}\"}}"));
        Assert.DoesNotContain(after.Keys, key => key.StartsWith("queueboard_site_wait", StringComparison.Ordinal) && key.Contains(siteId, StringComparison.Ordinal));
        Assert.Contains(after.Keys, key => key.StartsWith("orleans_", StringComparison.Ordinal));
        Assert.Contains(after.Keys, key => key.StartsWith("aspnetcore_", StringComparison.Ordinal) || key.StartsWith("http_server_", StringComparison.Ordinal));
    }

    /// <summary>Reads every sample line ("name{labels} value"); a line that is neither a sample nor a comment fails.</summary>
    private static async Task<Dictionary<string, double>> ScrapeAsync(QueueBoardAppFactory app)
    {
        using var response = await app.Anonymous().GetAsync("/metrics", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("text/plain", response.Content.Headers.ContentType?.MediaType ?? string.Empty, StringComparison.Ordinal);
        var samples = new Dictionary<string, double>();
        foreach (var line in (await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).Split('\n'))
        {
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var match = Sample().Match(line);
            Assert.True(match.Success, $"not Prometheus text: {line}");
            samples[match.Groups["series"].Value] = double.Parse(match.Groups["value"].Value.Replace("+Inf", "Infinity", StringComparison.Ordinal), CultureInfo.InvariantCulture);
        }

        return samples;
    }

    /// <summary>A series' value, matching labels in any order by the ones given; 0 when absent.</summary>
    private static double Value(Dictionary<string, double> samples, string series)
    {
        var brace = series.IndexOf('{', StringComparison.Ordinal);
        var name = brace < 0 ? series : series[..brace];
        var labels = brace < 0 ? [] : series[(brace + 1)..^1].Split(',');
        return samples.Where(s => s.Key == name || (s.Key.StartsWith(name + "{", StringComparison.Ordinal) && labels.All(l => s.Key.Contains(l, StringComparison.Ordinal))))
            .Sum(s => s.Value);
    }

    [GeneratedRegex(@"^(?<series>[a-zA-Z_:][a-zA-Z0-9_:]*(\{([a-zA-Z_][a-zA-Z0-9_]*=""([^""\\]|\\.)*"",?)*\})?) (?<value>[-+]?(\d+(\.\d*)?([eE][-+]?\d+)?|NaN|\+Inf|Inf))( \d+)?$")]
    private static partial Regex Sample();
}
