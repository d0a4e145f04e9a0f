using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;
using QueueBoard.Abstractions.Model;
using QueueBoard.Testing;
using QueueBoard.Web.Hubs;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>
/// The board as phones watch it (<c>WatchBoardPacked</c>, and the older <c>WatchBoardSince</c> and
/// <c>WatchBoardCompact</c>): from the version of the board they read, or a full snapshot when they hold none the district
/// knows; then changed rows carrying only the fields that moved, each saying exactly what the full feed says, in under a
/// quarter of its bytes.
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

    // The packed feed names sites by number: their place in the board read, or an id a message names.
    private readonly ConcurrentDictionary<int, string> _numbered = new();
    private List<string> _fields = [];
    private int _pushesWithoutFieldNames;
    private int _rowsNamedById;

    public async ValueTask DisposeAsync()
    {
        await _full.DisposeAsync();
        await _compact.DisposeAsync();
    }

    [Theory]
    [InlineData("WatchBoardPacked")]
    [InlineData("WatchBoardSince")]
    public async Task A_phone_gets_the_full_snapshot_then_only_the_fields_that_moved_as_the_full_feed_says_them(string watch)
    {
        var cancel = TestContext.Current.CancellationToken;
        await _admin.CreateSiteAsync(_siteId);
        _full.On<JsonElement[]>("boardUpdated", rows => _fullPushes.Enqueue(rows));
        _compact.On<JsonElement[]>("boardUpdated", rows => _snapshots.Enqueue(rows));
        _compact.On<JsonElement>("boardChanged", changes => _changes.Enqueue(changes));
        await _full.StartAsync(cancel);
        await _compact.StartAsync(cancel);
        await _full.InvokeAsync("WatchBoard", cancel);
        await _compact.InvokeAsync(watch, null, cancel);

        var snapshot = await Next(_snapshots, "the compact watch's snapshot");
        Learn(snapshot);
        Assert.Contains(snapshot, r => r.GetProperty("id").GetString() == _siteId && r.GetProperty("name").GetString() is { Length: > 0 });

        // Laid over the snapshot's row as a phone does it, each push leaves the phone with exactly the full feed's row.
        var held = snapshot.Single(r => r.GetProperty("id").GetString() == _siteId).EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value);
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 3));
        var (full, _) = await NextRow<JsonElement>(3, FullRows);
        var (opened, _) = await NextRow<Dictionary<string, JsonElement>>(3, CompactRows);
        AssertHeldRowIsTheFullRow(full, held, opened);

        // The next push carries only what moved: the queue and the time, not the lane counts or whether the site is open.
        await _admin.PostEventsAsync(_siteId, Arrived("1", 1));
        var (fullAfter, fullBytes) = await NextRow<JsonElement>(4, FullRows);
        var (moved, movedBytes) = await NextRow<Dictionary<string, JsonElement>>(4, CompactRows);
        AssertHeldRowIsTheFullRow(fullAfter, held, moved);
        Assert.Contains("updatedAt", moved.Keys);
        Assert.DoesNotContain("open", moved.Keys);
        Assert.DoesNotContain("totalLanes", moved.Keys);
        Assert.DoesNotContain("name", moved.Keys);
        Assert.True(movedBytes * 4 < fullBytes, $"a changed row of {movedBytes} bytes against a full row of {fullBytes}");
        Assert.Equal(watch == "WatchBoardPacked", _pushesWithoutFieldNames > 0);
    }

    [Fact]
    public async Task A_phone_that_read_the_board_watches_from_its_version_and_takes_only_what_moved_since_never_the_whole_board()
    {
        var cancel = TestContext.Current.CancellationToken;
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 3));
        var read = await app.CreateClient().GetAsync("/api/v1/sites", cancel);
        var version = read.Headers.ETag!.Tag.Trim('"');
        Learn((await read.Content.ReadFromJsonAsync<JsonElement[]>(cancel))!);
        await _admin.PostEventsAsync(_siteId, Arrived("1", 1));

        _compact.On<JsonElement[]>("boardUpdated", rows => _snapshots.Enqueue(rows));
        _compact.On<JsonElement>("boardChanged", changes => _changes.Enqueue(changes));
        await _compact.StartAsync(cancel);
        await _compact.InvokeAsync("WatchBoardPacked", version, cancel);

        // What moved since the read, and only that: the queue and the time, not the names the phone already holds.
        var (moved, _) = await NextRow<Dictionary<string, JsonElement>>(4, CompactRows);
        Assert.Contains("updatedAt", moved.Keys);
        Assert.DoesNotContain("totalLanes", moved.Keys);
        Assert.DoesNotContain("name", moved.Keys);
        Assert.Empty(_snapshots);

        // The version the watch ends with is one the district knows: watching from it again brings nothing of this site.
        var held = (await LastChanges()).GetProperty("version").GetString();
        Assert.False(string.IsNullOrEmpty(held));
        Assert.NotEqual(version, held);
        await using var again = app.Hub();
        var changes = new ConcurrentQueue<JsonElement>();
        again.On<JsonElement>("boardChanged", c => changes.Enqueue(c));
        again.On<JsonElement[]>("boardUpdated", rows => _snapshots.Enqueue(rows));
        await again.StartAsync(cancel);
        await again.InvokeAsync("WatchBoardPacked", held, cancel);
        var answer = await Next(changes, "the second watch's answer");
        Assert.DoesNotContain(answer.GetProperty("rows").EnumerateArray(), r => SiteOf(answer, r[0]) == _siteId);
        Assert.Empty(_snapshots);
    }

    [Fact]
    public async Task A_site_created_after_the_phones_read_comes_packed_with_its_id_and_the_sites_it_read_by_their_place_in_the_read()
    {
        var cancel = TestContext.Current.CancellationToken;
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAsync(_siteId, Status("1", "open"));
        var version = await VersionOfABoardWithTheSite();
        _compact.On<JsonElement>("boardChanged", changes => _changes.Enqueue(changes));
        await _compact.StartAsync(cancel);
        await _compact.InvokeAsync("WatchBoardPacked", version, cancel);

        var added = NewSiteId();
        await _admin.CreateSiteAsync(added);
        await _admin.PostEventsAsync(added, Status("1", "open"), Arrived("1", 2));
        await _admin.PostEventsAsync(_siteId, Arrived("1", 5));

        // The site the phone read is named by its place in the read; the new one by the id its first row brings.
        Dictionary<string, JsonElement>? addedFirst = null;
        var readQueue = -1;
        var waited = Stopwatch.StartNew();
        while ((addedFirst is null || readQueue != 5) && waited.Elapsed < TimeSpan.FromSeconds(5))
        {
            foreach (var (site, queue, row, _) in await CompactRows())
            {
                if (site == added)
                {
                    addedFirst ??= (Dictionary<string, JsonElement>)row;
                }
                else if (site == _siteId && queue >= 0)
                {
                    readQueue = queue;
                }
            }
        }

        Assert.Equal(0, _rowsNamedById);
        Assert.NotNull(addedFirst);
        Assert.Equal(BoardRowFields.Names.Order(StringComparer.Ordinal), addedFirst.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(5, readQueue);
    }

    [Fact]
    public async Task A_phone_with_no_version_gets_the_whole_board_then_the_version_to_hold()
    {
        var cancel = TestContext.Current.CancellationToken;
        await _admin.CreateSiteAsync(_siteId);
        _compact.On<JsonElement[]>("boardUpdated", rows => _snapshots.Enqueue(rows));
        _compact.On<JsonElement>("boardChanged", changes => _changes.Enqueue(changes));
        await _compact.StartAsync(cancel);
        await _compact.InvokeAsync("WatchBoardPacked", null, cancel);

        var snapshot = await Next(_snapshots, "the whole board");
        Assert.Contains(snapshot, r => r.GetProperty("id").GetString() == _siteId && r.GetProperty("name").GetString() is { Length: > 0 });
        Assert.False(string.IsNullOrEmpty((await Next(_changes, "the version to hold")).GetProperty("version").GetString()));
    }

    [Fact]
    public async Task A_phone_watching_all_day_takes_a_sites_new_name_area_and_place_in_the_next_push()
    {
        var cancel = TestContext.Current.CancellationToken;
        _full.On<JsonElement[]>("boardUpdated", rows => _fullPushes.Enqueue(rows));
        await _full.StartAsync(cancel);
        await _full.InvokeAsync("WatchBoard", cancel);
        await _admin.CreateSiteAsync(_siteId);

        // The new site's first push carries its whole row; the rename must come after it to be a change of its own.
        while (!(await Next(_fullPushes, "the new site's first push")).Any(r => r.GetProperty("id").GetString() == _siteId))
        {
        }

        var version = await VersionOfABoardWithTheSite();
        _compact.On<JsonElement>("boardChanged", changes => _changes.Enqueue(changes));
        await _compact.StartAsync(cancel);
        await _compact.InvokeAsync("WatchBoardPacked", version, cancel);

        await _admin.CreateSiteAsync(_siteId, PlacedSite("群星公园东门采样点", "Qunxing Park East Gate", "潮连街道", 22.96, 112.71, ("1", "standard"), ("2", "standard")));
        var moved = await NextCompactRowWith("name");
        Assert.Equal("群星公园东门采样点", moved["name"].GetString());
        Assert.Equal("Qunxing Park East Gate", moved["nameEn"].GetString());
        Assert.Equal("潮连街道", moved["area"].GetString());
        Assert.Equal(22.96, moved["latitude"].GetDouble());
        Assert.Equal(112.71, moved["longitude"].GetDouble());
        Assert.DoesNotContain("queueLength", moved.Keys);
    }

    [Theory]
    [InlineData("W/\"not-a-version\"")]
    [InlineData("0123456789abcdef0123456789abcdef0123456789abcdef")]
    public async Task A_phone_whose_version_the_district_never_gave_out_gets_every_field_as_changed_rows_not_the_board(string version)
    {
        // As after a restart: the phone still holds every site, but nothing of it that may have changed meanwhile.
        var cancel = TestContext.Current.CancellationToken;
        await _admin.CreateSiteAsync(_siteId);
        await _admin.PostEventsAsync(_siteId, Status("1", "open"), Arrived("1", 3));
        _compact.On<JsonElement[]>("boardUpdated", rows => _snapshots.Enqueue(rows));
        _compact.On<JsonElement>("boardChanged", changes => _changes.Enqueue(changes));
        await _compact.StartAsync(cancel);
        await _compact.InvokeAsync("WatchBoardPacked", version, cancel);

        var answer = await Next(_changes, "the watch's answer");
        var row = answer.GetProperty("rows").EnumerateArray().Single(r => SiteOf(answer, r[0]) == _siteId);
        Assert.Equal(BoardRowFields.All, row[1].GetInt32());
        Assert.Equal(2 + BoardRowFields.Names.Length, row.GetArrayLength());
        Assert.Empty(_snapshots);
    }

    [Fact]
    public void A_row_carries_the_fields_its_mask_names_and_a_row_with_none_is_left_out()
    {
        var row = new SiteSummary
        {
            Id = "s", Name = "n", NameEn = "n", Area = "a", Latitude = 0, Longitude = 0, Open = true, QueueLength = 2,
            WaitMinutes = 4, WaitBand = WaitBand.Smooth, GreenLaneOpen = false, GreenWaitMinutes = null, OpenLanes = 1,
            TotalLanes = 2, UpdatedAt = DateTimeOffset.UnixEpoch.AddSeconds(1),
        };

        var whole = BoardChanges.Of(Delta(row, BoardRowFields.All)).Rows.Single();
        Assert.Equal(2 + BoardRowFields.Names.Length, whole.Length);
        Assert.Equal(BoardRowFields.All, (int)whole[1]!);
        Assert.Contains(1000L, whole);

        Assert.Empty(BoardChanges.Of(Delta(row, 0)).Rows);
        var queue = 1 << BoardRowFields.Names.IndexOf("queueLength");
        Assert.Equal(["s", queue, 2], BoardChanges.Of(Delta(row, queue)).Rows.Single());
    }

    [Fact]
    public void Packed_rows_name_sites_by_number_and_times_by_the_milliseconds_before_the_newest_time_the_push_names()
    {
        var at = new DateTimeOffset(2026, 12, 6, 3, 0, 0, 500, TimeSpan.Zero);
        var time = 1 << BoardRowFields.Names.IndexOf("updatedAt");
        var queue = 1 << BoardRowFields.Names.IndexOf("queueLength");
        var rows = new[] { Row("a", at.AddMilliseconds(-250), 5), Row("b", at, 7), Row("c", at.AddHours(-3), 1), Row("d", at.AddMilliseconds(-40), 0) };
        var delta = new BoardDelta("v-2", false, [.. rows], [time | queue, time | queue, queue, BoardRowFields.All], [0, 1, 2, 3]);

        var packed = BoardChanges.Of(delta, packed: true);
        Assert.Equal(at.ToUnixTimeMilliseconds(), packed.At);
        Assert.Equal([0, time | queue, 250L, 5], packed.Rows[0]);
        Assert.Equal([1, time | queue, 0L, 7], packed.Rows[1]);
        Assert.Equal([2, queue, 1], packed.Rows[2]);

        // A row with every field is a site the phone may not hold (added since its version): its id goes with it.
        Assert.Equal(3, packed.Rows[3][0]);
        Assert.Equal(40L, packed.Rows[3][2]);
        Assert.Equal(new Dictionary<int, string> { [3] = "d" }, packed.Ids);

        // The older form names sites by id and keeps Unix milliseconds, for pages loaded before the packed form.
        var unix = BoardChanges.Of(delta);
        Assert.Null(unix.At);
        Assert.Null(unix.Ids);
        Assert.Equal(["a", time | queue, at.AddMilliseconds(-250).ToUnixTimeMilliseconds(), 5], unix.Rows[0]);
        Assert.DoesNotContain("\"at\"", JsonSerializer.Serialize(unix, JsonOptions), StringComparison.Ordinal);
        Assert.Contains("\"at\":", JsonSerializer.Serialize(packed, JsonOptions), StringComparison.Ordinal);
        Assert.Contains("\"ids\":{\"3\":\"d\"}", JsonSerializer.Serialize(packed, JsonOptions), StringComparison.Ordinal);

        // The watch's answers name the fields; a push to the group, which only ever follows them, leaves them out.
        Assert.Contains("\"fields\":", JsonSerializer.Serialize(packed, JsonOptions), StringComparison.Ordinal);
        Assert.DoesNotContain("\"fields\"", JsonSerializer.Serialize(packed.AsPackedPush(), JsonOptions), StringComparison.Ordinal);
    }

    [Fact]
    public void An_arrivals_usual_change_of_time_and_queue_is_a_one_digit_mask()
    {
        // At a district's peak this mask goes to every phone for nearly every site every second.
        var usual = (1 << BoardRowFields.Names.IndexOf("updatedAt")) | (1 << BoardRowFields.Names.IndexOf("queueLength"));
        Assert.InRange(usual, 1, 9);
    }

    [Fact]
    public void A_row_with_every_fields_bit_is_the_whole_row_a_board_read_gives()
    {
        // The pages take a site created since their read from its first push, whole, instead of reading the board again.
        var row = Row("s", DateTimeOffset.UnixEpoch, 1);
        var read = JsonSerializer.SerializeToElement(row, JsonOptions).EnumerateObject().Select(p => p.Name).Where(name => name != "id");
        Assert.Equal(read.Order(StringComparer.Ordinal), BoardRowFields.Names.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_field_has_a_bit_of_its_own_in_a_mask_both_csharp_and_javascript_hold()
    {
        // Both shift an int: a 32nd field would wrap onto bit 0 and every mask would name the wrong fields.
        Assert.InRange(BoardRowFields.Names.Length, 1, 31);
        Assert.Equal(BoardRowFields.Names.Length, BoardRowFields.Names.Distinct().Count());
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web);

    /// <summary>Numbers the sites of a board read or snapshot by their place in it, as a phone does.</summary>
    private void Learn(JsonElement[] board)
    {
        for (var number = 0; number < board.Length; number++)
        {
            _numbered[number] = board[number].GetProperty("id").GetString()!;
        }
    }

    /// <summary>A row's site: its id, or in the packed form its number, by the message's ids or the board the phone read.</summary>
    private string SiteOf(JsonElement changes, JsonElement site)
    {
        if (site.ValueKind == JsonValueKind.String)
        {
            return site.GetString()!;
        }

        Assert.True(changes.TryGetProperty("at", out _), "a row named by number in a message that is not packed");
        var number = site.GetInt32();
        if (changes.TryGetProperty("ids", out var ids) && ids.TryGetProperty(number.ToString(CultureInfo.InvariantCulture), out var id))
        {
            return id.GetString()!;
        }

        return _numbered.TryGetValue(number, out var known) ? known : $"#{number}";
    }

    private static BoardDelta Delta(SiteSummary row, int fields) => new("v-1", false, [row], [fields], [0]);

    private static SiteSummary Row(string id, DateTimeOffset updatedAt, int queue) => new()
    {
        Id = id, Name = "n", NameEn = "n", Area = "a", Latitude = 0, Longitude = 0, Open = true, QueueLength = queue,
        WaitMinutes = 4, WaitBand = WaitBand.Smooth, GreenLaneOpen = false, GreenWaitMinutes = null, OpenLanes = 1,
        TotalLanes = 2, UpdatedAt = updatedAt,
    };

    private static void AssertHeldRowIsTheFullRow(JsonElement full, Dictionary<string, JsonElement> held, Dictionary<string, JsonElement> changed)
    {
        foreach (var (field, value) in changed)
        {
            held[field] = value;
        }

        foreach (var field in full.EnumerateObject())
        {
            if (field.Name == "updatedAt")
            {
                var ms = held[field.Name].ValueKind == JsonValueKind.Number
                    ? held[field.Name].GetInt64()
                    : held[field.Name].GetDateTimeOffset().ToUnixTimeMilliseconds();
                Assert.Equal(field.Value.GetDateTimeOffset().ToUnixTimeMilliseconds(), ms);
            }
            else
            {
                Assert.Equal(field.Value.GetRawText(), held[field.Name].GetRawText());
            }
        }
    }

    private async Task<IEnumerable<(string Id, int Queue, object Row, int Bytes)>> FullRows() =>
        (await Next(_fullPushes, "a full board push")).Select(r =>
            (r.GetProperty("id").GetString()!, r.GetProperty("queueLength").GetInt32(), (object)r, r.GetRawText().Length));

    /// <summary>Rows of the next <c>boardChanged</c>, decoded as a phone does: <c>[id, mask, values…]</c>.</summary>
    private async Task<IEnumerable<(string Id, int Queue, object Row, int Bytes)>> CompactRows()
    {
        var changes = await Next(_changes, "a compact board push");
        // A packed push has no field names of its own: the watch's answers, which came first, named them.
        if (changes.TryGetProperty("fields", out var fieldNames))
        {
            _fields = [.. fieldNames.EnumerateArray().Select(f => f.GetString()!)];
        }
        else
        {
            Assert.True(changes.TryGetProperty("at", out _), "a push of the older form without its field names");
            _pushesWithoutFieldNames++;
        }

        var fields = _fields;
        long? at = changes.TryGetProperty("at", out var newest) ? newest.GetInt64() : null;
        if (changes.TryGetProperty("ids", out var ids))
        {
            foreach (var named in ids.EnumerateObject())
            {
                _numbered[int.Parse(named.Name, CultureInfo.InvariantCulture)] = named.Value.GetString()!;
            }
        }

        return changes.GetProperty("rows").EnumerateArray().Select(row =>
        {
            var items = row.EnumerateArray().ToList();
            var mask = items[1].GetInt32();
            var values = new Dictionary<string, JsonElement>();
            var next = 2;
            for (var i = 0; i < fields.Count; i++)
            {
                if ((mask & (1 << i)) != 0)
                {
                    values[fields[i]] = items[next++];
                }
            }

            Assert.Equal(items.Count, next);
            if (at is not null && values.TryGetValue("updatedAt", out var age))
            {
                // As the page does: the time lies that many milliseconds before the push's newest time.
                Assert.InRange(age.GetInt64(), 0, at.Value);
                values["updatedAt"] = JsonSerializer.SerializeToElement(at.Value - age.GetInt64());
            }

            var queue = values.TryGetValue("queueLength", out var q) ? q.GetInt32() : -1;
            _rowsNamedById += items[0].ValueKind == JsonValueKind.String ? 1 : 0;
            return (SiteOf(changes, items[0]), queue, (object)values, row.GetRawText().Length);
        });
    }

    /// <summary>The version of a board read that holds the test site: the phone has the site's names from it.</summary>
    private async Task<string> VersionOfABoardWithTheSite()
    {
        var waited = Stopwatch.StartNew();
        using var reader = app.CreateClient();
        while (waited.Elapsed < TimeSpan.FromSeconds(3))
        {
            using var read = await reader.GetAsync("/api/v1/sites", TestContext.Current.CancellationToken);
            var rows = await read.Content.ReadFromJsonAsync<JsonElement[]>(TestContext.Current.CancellationToken);
            if (rows!.Any(r => r.GetProperty("id").GetString() == _siteId))
            {
                Learn(rows!);
                return read.Headers.ETag!.Tag.Trim('"');
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the board did not hold the new site within 3 s");
    }

    /// <summary>The test site's next compact row that carries <paramref name="field"/>, within 3 s.</summary>
    private async Task<Dictionary<string, JsonElement>> NextCompactRowWith(string field)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(3))
        {
            if ((await CompactRows()).FirstOrDefault(r => r.Id == _siteId && ((Dictionary<string, JsonElement>)r.Row).ContainsKey(field)).Row is Dictionary<string, JsonElement> row)
            {
                return row;
            }
        }

        throw new TimeoutException($"no push of the site carried {field} within 3 s");
    }

    /// <summary>The test site's row with a queue of <paramref name="queue"/> and its size on the wire, from the pushes <paramref name="next"/> brings, within 3 s.</summary>
    private async Task<(T Row, int Bytes)> NextRow<T>(int queue, Func<Task<IEnumerable<(string Id, int Queue, object Row, int Bytes)>>> next)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(3))
        {
            var found = (await next()).FirstOrDefault(r => r.Id == _siteId && r.Queue == queue);
            if (found.Row is T row)
            {
                return (row, found.Bytes);
            }
        }

        throw new TimeoutException($"the site's queue of {queue} was not pushed within 3 s");
    }

    /// <summary>The last <c>boardChanged</c> taken so far, waiting up to 3 s for one.</summary>
    private async Task<JsonElement> LastChanges()
    {
        var last = await Next(_changes, "a compact board push");
        while (_changes.TryDequeue(out var later))
        {
            last = later;
        }

        return last;
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
