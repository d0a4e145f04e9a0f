using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>
/// The board as phones watch it (<c>WatchBoardCompact</c>): the same full snapshot first, then changed rows as arrays of
/// the moving fields that say exactly what the full feed says, in under half its bytes.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class BoardCompactTests(QueueBoardAppFactory app) : IAsyncDisposable
{
    private readonly HttpClient _admin = app.Admin();
    private readonly string _siteId = NewSiteId();
    private readonly HubConnection _full = app.Hub();
    private readonly HubConnection _compact = app.Hub();
    private readonly ConcurrentQueue<JsonElement[]> _fullPushes = new();
    private readonly ConcurrentQueue<JsonElement[]> _snapshots = new();
    private readonly ConcurrentQueue<JsonElement> _changes = new();

    public async ValueTask DisposeAsync()
    {
        await _full.DisposeAsync();
        await _compact.DisposeAsync();
    }

    [Fact]
    public async Task A_phone_gets_the_full_snapshot_then_compact_rows_that_match_the_full_feed()
    {
        var cancel = TestContext.Current.CancellationToken;
        await _admin.CreateSiteAsync(_siteId);
        _full.On<JsonElement[]>("boardUpdated", rows => _fullPushes.Enqueue(rows));
        _compact.On<JsonElement[]>("boardUpdated", rows => _snapshots.Enqueue(rows));
        _compact.On<JsonElement>("boardChanged", changes => _changes.Enqueue(changes));
        await _full.StartAsync(cancel);
        await _compact.StartAsync(cancel);
        await _full.InvokeAsync("WatchBoard", cancel);
        await _compact.InvokeAsync("WatchBoardCompact", cancel);

        var snapshot = await Next(_snapshots, "the compact watch's snapshot");
        Assert.Contains(snapshot, r => r.GetProperty("id").GetString() == _siteId && r.GetProperty("name").GetString() is { Length: > 0 });

        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 3));
        var (full, fullBytes) = await NextRow(async () =>
            (await Next(_fullPushes, "a full board push")).Select(r => (r, r.GetRawText().Length)));
        var (compact, compactBytes) = await NextRow(async () =>
        {
            var changes = await Next(_changes, "a compact board push");
            var fields = changes.GetProperty("fields").EnumerateArray().Select(f => f.GetString()!).ToList();
            return changes.GetProperty("rows").EnumerateArray().Select(row => (
                JsonSerializer.SerializeToElement(fields.Zip(row.EnumerateArray()).ToDictionary(x => x.First, x => x.Second)),
                row.GetRawText().Length));
        });

        // Every field the compact row carries says what the full row says, and the rest are the ones that do not move.
        foreach (var field in compact.EnumerateObject())
        {
            Assert.Equal(full.GetProperty(field.Name).GetRawText(), field.Value.GetRawText());
        }

        var left = full.EnumerateObject().Select(p => p.Name).Except(compact.EnumerateObject().Select(p => p.Name)).Order();
        Assert.Equal(["area", "latitude", "longitude", "name", "nameEn"], left);
        Assert.True(compactBytes * 2 < fullBytes, $"a compact row of {compactBytes} bytes against a full row of {fullBytes}");
    }

    /// <summary>The test site's row with a queue of 3 and its size on the wire, from the pushes <paramref name="next"/> brings, within 3 s.</summary>
    private async Task<(JsonElement Row, int Bytes)> NextRow(Func<Task<IEnumerable<(JsonElement Row, int Bytes)>>> next)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(3))
        {
            var found = (await next()).FirstOrDefault(r => r.Row.GetProperty("id").GetString() == _siteId);
            if (found.Row.ValueKind == JsonValueKind.Object && found.Row.GetProperty("queueLength").GetInt32() == 3)
            {
                return found;
            }
        }

        throw new TimeoutException("the site's queue of 3 was not pushed within 3 s");
    }

    private static async Task<T> Next<T>(ConcurrentQueue<T> pushes, string what)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(3))
        {
            if (pushes.TryDequeue(out var push))
            {
                return push;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"no {what} within 3 s");
    }
}
