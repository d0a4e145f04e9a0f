using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.AspNetCore.SignalR;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>The live feed as a screen sees it, through the official SignalR .NET client over real Kestrel.</summary>
[Collection(AppCollection.Name)]
public sealed class HubTests(QueueBoardAppFactory app) : IAsyncDisposable
{
    private readonly HttpClient _admin = app.Admin();
    private readonly string _siteId = NewSiteId();
    private readonly HubConnection _hub = app.Hub();
    private readonly ConcurrentQueue<(TimeSpan At, JsonElement Site)> _siteUpdates = new();
    private readonly ConcurrentQueue<JsonElement[]> _boardUpdates = new();
    private int _consumed;

    public async ValueTask DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task Watching_a_site_sends_its_snapshot_at_once()
    {
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAsync(_siteId, Arrived("1", 4));
        await ConnectAsync();

        await _hub.InvokeAsync("WatchSite", _siteId, TestContext.Current.CancellationToken);

        var snapshot = await NextSiteUpdate(TimeSpan.FromSeconds(1));
        Assert.Equal(_siteId, snapshot.GetProperty("id").GetString());
        Assert.Equal(4, snapshot.GetProperty("queueLength").GetInt32());
        Assert.Equal(2, snapshot.GetProperty("lanes").GetArrayLength());
    }

    [Fact]
    public async Task An_accepted_event_reaches_a_watcher_within_a_second()
    {
        await WatchQuietNewSiteAsync();

        var sent = Stopwatch.GetTimestamp();
        using var response = await _admin.PostEventsAsync(_siteId, Arrived("2", 6));
        response.EnsureSuccessStatusCode();
        var update = await NextSiteUpdate(TimeSpan.FromSeconds(1));

        Assert.Equal(6, update.GetProperty("queueLength").GetInt32());
        Assert.True(Stopwatch.GetElapsedTime(sent) < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task Watching_an_unknown_site_fails_with_a_hub_error()
    {
        await ConnectAsync();

        var error = await Assert.ThrowsAsync<HubException>(() =>
            _hub.InvokeAsync("WatchSite", NewSiteId(), TestContext.Current.CancellationToken));
        Assert.Contains("No site", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flood_of_500_events_in_a_second_yields_at_most_5_updates_in_that_second_and_the_last_state()
    {
        await WatchQuietNewSiteAsync();

        // 500 events in one second: 50 batches of 10, one every 20 ms, each sent without waiting for the last.
        var start = Stopwatch.GetElapsedTime(0);
        var batches = new List<Task<HttpResponseMessage>>();
        for (var batch = 0; batch < 50; batch++)
        {
            batches.Add(_admin.PostEventsAsync(_siteId, [.. Enumerable.Repeat(Arrived("1", 1), 10)]));
            await Task.Delay(20, TestContext.Current.CancellationToken);
        }

        foreach (var response in await Task.WhenAll(batches))
        {
            response.EnsureSuccessStatusCode();
            response.Dispose();
        }

        var flooded = Stopwatch.GetElapsedTime(0);
        await Task.Delay(1200, TestContext.Current.CancellationToken);

        var updates = _siteUpdates.Where(u => u.At >= start).ToList();
        Assert.True(updates.Count(u => u.At < start + TimeSpan.FromSeconds(1)) <= 5, $"{updates.Count} updates");
        Assert.True(updates.Count(u => u.At <= flooded) >= 2, "throttled pushes keep coming during the flood, not only after it");
        Assert.Equal(500, updates[^1].Site.GetProperty("queueLength").GetInt32());
    }

    [Fact]
    public async Task The_board_snapshot_holds_every_site_and_later_pushes_only_changed_rows()
    {
        var quiet = NewSiteId();
        await _admin.CreateSiteAsync(quiet);
        await _admin.CreateSiteAsync(_siteId);
        await ConnectAsync();

        await _hub.InvokeAsync("WatchBoard", TestContext.Current.CancellationToken);
        var snapshot = await NextBoardUpdate();
        var expected = (await app.Anonymous().GetArrayAsync("/api/v1/sites")).Count;
        Assert.Equal(expected, snapshot.Length);
        await Task.Delay(1500, TestContext.Current.CancellationToken);
        _boardUpdates.Clear();

        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 3));

        // Other tests share this app: a push of only their sites' rows may go out while the post is under way. Every push
        // taken must leave the quiet site out, and one within the contract's second (here 3 s) must carry the post.
        var taken = Stopwatch.StartNew();
        JsonElement[] rows;
        do
        {
            rows = await NextBoardUpdate();
            Assert.DoesNotContain(rows, r => r.GetProperty("id").GetString() == quiet);
        }
        while (!rows.Any(r => r.GetProperty("id").GetString() == _siteId) && taken.Elapsed < TimeSpan.FromSeconds(3));

        Assert.Contains(rows, r => r.GetProperty("id").GetString() == _siteId && r.GetProperty("queueLength").GetInt32() == 3);
    }

    [Fact]
    public async Task Every_phone_on_the_board_takes_each_change_whichever_group_the_district_pushes_it_in_and_its_pushes_stay_a_second_apart()
    {
        var cancel = TestContext.Current.CancellationToken;
        await _admin.CreateSiteAsync(_siteId);

        // Connections join the district's groups in turn: twice as many phones as groups puts some in each.
        var phones = Enumerable.Range(0, 2 * QueueBoard.Grains.Publishing.BoardShards.Count).Select(_ => app.Hub()).ToList();
        var pushes = phones.Select(_ => new ConcurrentQueue<(TimeSpan At, JsonElement[] Rows)>()).ToList();
        try
        {
            for (var i = 0; i < phones.Count; i++)
            {
                var taken = pushes[i];
                phones[i].On<JsonElement[]>("boardUpdated", rows => taken.Enqueue((Stopwatch.GetElapsedTime(0), rows)));
                await phones[i].StartAsync(cancel);
                await phones[i].InvokeAsync("WatchBoard", cancel);
            }

            await Task.Delay(1500, cancel);
            var start = Stopwatch.GetElapsedTime(0);
            for (var queue = 1; queue <= 6; queue++)
            {
                (await _admin.PostEventsAsync(_siteId, Arrived("1", 1))).EnsureSuccessStatusCode();
                await Task.Delay(400, cancel);
            }

            var posted = Stopwatch.GetElapsedTime(0);
            for (var waited = 0; waited < 40 && !pushes.All(p => QueueOf(p) == 6); waited++)
            {
                await Task.Delay(100, cancel);
            }

            for (var i = 0; i < phones.Count; i++)
            {
                var taken = pushes[i].Where(p => p.At >= start).ToList();
                Assert.True(QueueOf(pushes[i]) == 6, $"phone {i} shows a queue of {QueueOf(pushes[i])}, not 6");
                Assert.True(taken.Last(p => Has(p.Rows)).At - posted < TimeSpan.FromSeconds(1.5), $"phone {i} took the last arrival late");

                // The contract's window, less what delivery to a client on a busy test box may take from one gap.
                var gaps = taken.Zip(taken.Skip(1), (a, b) => b.At - a.At).ToList();
                Assert.All(gaps, gap => Assert.True(gap > TimeSpan.FromMilliseconds(900), $"phone {i} took two pushes {gap.TotalMilliseconds:F0} ms apart"));
            }
        }
        finally
        {
            foreach (var phone in phones)
            {
                await phone.DisposeAsync();
            }
        }

        bool Has(JsonElement[] rows) => rows.Any(r => r.GetProperty("id").GetString() == _siteId);

        int QueueOf(ConcurrentQueue<(TimeSpan At, JsonElement[] Rows)> taken) =>
            taken.Select(p => p.Rows).Where(Has).Select(rows => rows.Single(r => r.GetProperty("id").GetString() == _siteId))
                .Select(row => row.GetProperty("queueLength").GetInt32()).DefaultIfEmpty(-1).Last();
    }

    /// <summary>Creates the test's site, watches it and lets its creation's pushes pass, so the next push is the test's.</summary>
    private async Task WatchQuietNewSiteAsync()
    {
        await _admin.CreateSiteAsync(_siteId);
        await ConnectAsync();
        await _hub.InvokeAsync("WatchSite", _siteId, TestContext.Current.CancellationToken);
        await NextSiteUpdate(TimeSpan.FromSeconds(1));
        await Task.Delay(300, TestContext.Current.CancellationToken);
        SkipPendingUpdates();
    }

    private async Task ConnectAsync()
    {
        _hub.On<JsonElement>("siteUpdated", site => _siteUpdates.Enqueue((Stopwatch.GetElapsedTime(0), site)));
        _hub.On<JsonElement[]>("boardUpdated", rows => _boardUpdates.Enqueue(rows));
        await _hub.StartAsync(TestContext.Current.CancellationToken);
    }

    private async Task<JsonElement> NextSiteUpdate(TimeSpan within)
    {
        var waited = Stopwatch.StartNew();
        while (_siteUpdates.Count <= _consumed && waited.Elapsed < within)
        {
            await Task.Delay(10);
        }

        var all = _siteUpdates.ToArray();
        Assert.True(all.Length > _consumed, $"no siteUpdated within {within.TotalMilliseconds} ms");
        return all[_consumed++].Site;
    }

    /// <summary>Forgets pushes so far (the site's own creation may still be on its way), so the next one is the test's.</summary>
    private void SkipPendingUpdates() => _consumed = _siteUpdates.Count;

    private async Task<JsonElement[]> NextBoardUpdate()
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(3))
        {
            if (_boardUpdates.TryDequeue(out var rows))
            {
                return rows;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("no boardUpdated within 3 s");
    }
}
