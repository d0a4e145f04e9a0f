using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using QueueBoard.Testing;
using QueueBoard.Web.Endpoints;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>
/// Ten thousand generated hostile requests against the running app (broken and mutated JSON, huge, negative and
/// non-numeric numbers, deep nesting, long and odd Unicode, script and SQL text, wrong verbs and content types, truncated
/// bodies, hub calls with wrong argument types): never a 5xx, the app healthy afterwards, and a site changed only by the
/// requests that were accepted.
/// </summary>
[Collection(SerialCollection.Name)]
public sealed class FuzzTests
{
    private const int Requests = 10_000;

    /// <summary>Kestrel refuses request headers over 32 KB in all.</summary>
    private const int MaximumHeaderCharacters = 32 * 1024;

    private static readonly string[] HostileText =
    [
        "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "'; DROP TABLE sites; --", "\" OR 1=1 --", "\u202Eevil\u202C",
        "\u0000", "\ud800", "😀😀😀", "𠜎𠜱", "../../etc/passwd", "%00%0d%0a", "\r\nSet-Cookie: x=y", "{{7*7}}", "${jndi:ldap://x}",
        new string('长', 5000), new string('a', 70_000), string.Empty, " ", "null", "NaN",
    ];

    private static readonly string[] HostileNumbers =
    [
        "-1", "0", "1001", "100001", "2147483648", "-2147483649", "1e308", "-1e308", "1.5", "1e2", "\"5\"", "true", "null", "[]",
        "{}", "99999999999999999999999", "0x10", "NaN", "Infinity", "-0",
    ];

    private static readonly string[] ContentTypes =
        ["application/json", "application/json", "application/json", "text/plain", "application/xml", "multipart/form-data; boundary=z", "application/x-www-form-urlencoded", "application/json; charset=utf-16"];

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Ten_thousand_hostile_requests_get_no_5xx_leave_the_app_healthy_and_change_only_what_was_accepted()
    {
        await using var app = new ConfiguredAppFactory(("QueueBoard:RateLimits", "false"));
        using var admin = app.Admin();
        using var anonymous = app.Anonymous();
        var siteId = NewSiteId();
        var bystander = NewSiteId();
        await admin.CreateSiteAsync(siteId);
        await admin.CreateSiteAsync(bystander);
        var code = await admin.NewLeadCodeAsync(siteId);
        var bystanderBefore = await Snapshot(anonymous, bystander);
        var expected = await Snapshot(anonymous, siteId);

        var random = new Random(20261129);
        var statuses = new Dictionary<int, int>();
        var serverErrors = new List<string>();
        var unexpectedChanges = new List<string>();
        for (var i = 0; i < Requests; i++)
        {
            using var request = Generate(random, siteId, code);
            var description = $"{request.Method} {request.RequestUri}";
            var length = request.Content?.Headers.ContentLength ?? 0;
            HttpResponseMessage response;
            try
            {
                response = await admin.SendAsync(WithCaller(random, request, code), Cancel);
            }
            catch (HttpRequestException) when (length > BodyLimitOf(request))
            {
                // The server answers an oversized body with 413 and closes the connection before the client has sent it all.
                statuses[413] = statuses.GetValueOrDefault(413) + 1;
                continue;
            }
            catch (HttpRequestException) when (request.Headers.Authorization?.Parameter?.Length > MaximumHeaderCharacters)
            {
                // Likewise headers over Kestrel's limit: 431, and the connection closed while the client still writes.
                statuses[431] = statuses.GetValueOrDefault(431) + 1;
                continue;
            }
            catch (HttpRequestException ex)
            {
                serverErrors.Add($"no answer for {description} ({length} bytes): {ex.GetBaseException().Message}");
                continue;
            }

            using var answer = response;
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500)
            {
                serverErrors.Add($"{status} for {description}: {await response.Content.ReadAsStringAsync(Cancel)}");
                continue;
            }

            if (request.Method == HttpMethod.Get)
            {
                continue;
            }

            var now = await Snapshot(anonymous, siteId);
            if (status is >= 200 and < 300)
            {
                expected = now;
            }
            else if (now != expected)
            {
                unexpectedChanges.Add($"{status} for {description} changed the site");
                expected = now;
            }
        }

        var hubStatuses = await HubFuzzAsync(app, random);

        using var ready = await anonymous.GetAsync("/health/ready", Cancel);
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{Requests:N0} requests: {string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}x{s.Value:N0}"))}; hub calls: {hubStatuses}");
        Assert.True(serverErrors.Count == 0, string.Join("\n", serverErrors.Take(5)));
        Assert.Empty(unexpectedChanges);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal(bystanderBefore, await Snapshot(anonymous, bystander));
        Assert.True(statuses.Keys.Count(s => s is >= 400 and < 500) >= 4, "the fuzz hardly exercised any refusal");
    }

    /// <summary>The parts of a site a write can change, as one comparable string.</summary>
    private static async Task<string> Snapshot(HttpClient client, string siteId)
    {
        var site = await client.GetJsonAsync($"/api/v1/sites/{siteId}");
        return string.Join("|", site["name"], site["lanes"]!.AsArray().Select(l =>
            $"{l!["id"]}:{l["name"]}:{l["status"]}:{l["queueLength"]}:{l["servedToday"]}"));
    }

    private static HttpRequestMessage Generate(Random random, string siteId, string code) => random.Next(10) switch
    {
        < 5 => Body(random, HttpMethod.Post, $"/api/v1/sites/{siteId}/events", EventBody(random)),
        < 7 => Body(random, HttpMethod.Put, $"/api/v1/sites/{siteId}", SiteBody(random)),
        7 => new HttpRequestMessage(HttpMethod.Get, $"/api/v1/sites/{Pick(random, [siteId, "UPPER", "a/b", "..", "x%00", new string('z', 300)])}/history?minutes={Pick(random, HostileNumbers)}"),
        8 => Body(random, new HttpMethod(Pick(random, ["PATCH", "DELETE", "PUT", "POST", "OPTIONS", "TRACE"])), Pick(random, [
            "/api/v1/sites", $"/api/v1/sites/{siteId}/events", $"/api/v1/sites/{siteId}/history", "/api/v1/overview", $"/api/v1/sites/{siteId}/audit"]), EventBody(random)),
        _ => Body(random, HttpMethod.Post, $"/api/v1/sites/{siteId}/lead-codes", Mutate(random, "{}")),
    };

    private static long BodyLimitOf(HttpRequestMessage request) =>
        request.Method == HttpMethod.Put ? SiteAdminEndpoints.MaximumSiteBodyBytes : SiteLeadEndpoints.MaximumBodyBytes;

    private static HttpRequestMessage WithCaller(Random random, HttpRequestMessage request, string code)
    {
        // A connection of its own: the server may close one after refusing a body it did not read, and a request sent on
        // it meanwhile would fail on the client's side, not the server's. A body waits for the server's 100 Continue, so a
        // refusal that needs no body (401, 415) is read before the client has sent it.
        request.Headers.ConnectionClose = true;
        request.Headers.ExpectContinue = request.Content is not null;
        request.Headers.Authorization = random.Next(6) switch
        {
            0 => null,
            1 => new AuthenticationHeaderValue("Bearer", code),
            2 => new AuthenticationHeaderValue("Bearer", Pick(random, HostileText.Where(t => t.All(c => c is > ' ' and < '\u007f')).Append("x.y").ToArray())),
            3 => new AuthenticationHeaderValue("Basic", "YWRtaW46YWRtaW4="),
            _ => new AuthenticationHeaderValue("Bearer", QueueBoardAppFactory.AdminToken),
        };
        return request;
    }

    private static HttpRequestMessage Body(Random random, HttpMethod method, string path, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        if (random.Next(8) == 0)
        {
            // Truncated: the body stops mid-way.
            bytes = bytes[..random.Next(bytes.Length + 1)];
        }

        var content = new ByteArrayContent(bytes);
        var type = Pick(random, ContentTypes);
        content.Headers.ContentType = random.Next(20) == 0 ? null : MediaTypeHeaderValue.Parse(type);
        return new HttpRequestMessage(method, path) { Content = content };
    }

    private static string EventBody(Random random)
    {
        string Field(string valid) => random.Next(4) == 0 ? Value(random) : valid;
        var events = Enumerable.Range(0, random.Next(4) == 0 ? random.Next(0, 1100) : random.Next(1, 4)).Select(_ =>
            $$"""{"id":{{Field($"\"{Guid.NewGuid()}\"")}},"lane":{{Field("\"1\"")}},"type":{{Field(Pick(random, ["\"arrived\"", "\"served\"", "\"queue\"", "\"status\""]))}},"count":{{Field("1")}},"status":{{Field("\"open\"")}},"at":{{Field("null")}}}""");
        var body = $$"""{"events":[{{string.Join(',', events)}}]}""";
        return random.Next(3) switch
        {
            0 => Mutate(random, body),
            1 when random.Next(4) == 0 => new string('[', 5000) + new string(']', 5000),
            _ => body,
        };
    }

    private static string SiteBody(Random random)
    {
        string Text() => random.Next(3) == 0 ? Value(random) : JsonValue.Create(Pick(random, HostileText))!.ToJsonString();
        var body = $$"""{"name":{{Text()}},"nameEn":{{Text()}},"area":{{Text()}},"latitude":{{Pick(random, HostileNumbers)}},"longitude":{{Pick(random, HostileNumbers)}},"openHours":[{"from":{{Text()}},"to":"24:00"}],"lanes":[{"id":{{Text()}},"name":{{Text()}},"kind":{{Text()}}}]}""";
        return random.Next(3) == 0 ? Mutate(random, body) : body;
    }

    private static string Value(Random random) => random.Next(2) == 0
        ? Pick(random, HostileNumbers)
        : JsonValue.Create(Pick(random, HostileText))!.ToJsonString();

    /// <summary>Deletes, duplicates and inserts characters at random places.</summary>
    private static string Mutate(Random random, string text)
    {
        var builder = new StringBuilder(text);
        for (var edits = random.Next(1, 6); edits > 0 && builder.Length > 0; edits--)
        {
            var at = random.Next(builder.Length);
            switch (random.Next(3))
            {
                case 0: builder.Remove(at, Math.Min(random.Next(1, 8), builder.Length - at)); break;
                case 1: builder.Insert(at, Pick(random, ["{", "}", "[", "]", ",", ":", "\"", "\\", "\u0000", "💥", "1e999"])); break;
                default: builder.Insert(at, builder.ToString(at, Math.Min(10, builder.Length - at))); break;
            }
        }

        return builder.ToString();
    }

    private static async Task<string> HubFuzzAsync(QueueBoardAppFactory app, Random random)
    {
        await using var hub = app.Hub();
        await hub.StartAsync(Cancel);
        var refused = 0;
        object?[][] arguments =
        [
            [123], [true], [new { id = "x" }], [new[] { "a", "b" }], ["a", "b"], [], [null], [new string('x', 10_000)], ["<script>"], [-1.5],
        ];
        var closed = 0;
        for (var i = 0; i < 500; i++)
        {
            try
            {
                await hub.InvokeCoreAsync(Pick(random, ["WatchSite", "UnwatchSite", "WatchBoard", "WatchBoardCompact", "WatchBoardSince", "WatchBoardPacked", "WatchOverview", "Nope"]), Pick(random, arguments), Cancel);
            }
            catch (HubException)
            {
                refused++;
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or OperationCanceledException && !Cancel.IsCancellationRequested)
            {
                // An oversized message closes the connection, as it should (the close may land while the next call starts).
                closed++;
            }

            if (hub.State != HubConnectionState.Connected)
            {
                // A client reconnects.
                await hub.StopAsync(Cancel);
                await hub.StartAsync(Cancel);
            }
        }

        // Still whole afterwards: a watch answers with the board.
        var board = new TaskCompletionSource();
        hub.On<JsonArray>("boardUpdated", _ => board.TrySetResult());
        await hub.InvokeAsync("WatchBoard", Cancel);
        await board.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        return $"500 ({refused} refused with a hub error, {closed} on a connection closed for an oversized message)";
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];
}
