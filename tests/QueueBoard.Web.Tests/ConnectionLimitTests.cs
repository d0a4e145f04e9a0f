using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using QueueBoard.Testing;
using QueueBoard.Web.Limits;

namespace QueueBoard.Web.Tests;

/// <summary>
/// A node holds only as many watchers as its open files allow and refuses the rest, instead of running out of files and
/// dying (which it did at about 9,500 watchers on a host allowing 20,000 files).
/// </summary>
public sealed class ConnectionLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Watchers_beyond_the_cap_are_refused_and_the_node_keeps_serving()
    {
        await using var app = new ConfiguredAppFactory(("QueueBoard:Limits:MaxWebSockets", "3"));
        var held = new List<HubConnection>();
        try
        {
            for (var i = 0; i < 3; i++)
            {
                var hub = WebSocket(app);
                held.Add(hub);
                await hub.StartAsync(Cancel);
                await hub.InvokeAsync("WatchBoard", Cancel);
            }

            await using var fourth = WebSocket(app);
            await Assert.ThrowsAnyAsync<Exception>(() => StartAndWatchAsync(fourth));

            Assert.True((await app.Anonymous().GetAsync("/health/live", Cancel)).IsSuccessStatusCode);
            await held[0].DisposeAsync();
            held.RemoveAt(0);
            await using var again = WebSocket(app);
            await RetryAsync(() => StartAndWatchAsync(again));
            Assert.Equal(HubConnectionState.Connected, again.State);
        }
        finally
        {
            foreach (var hub in held)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Watchers_on_transports_Kestrel_does_not_count_are_held_to_the_same_cap()
    {
        // Kestrel caps only WebSockets upgraded from HTTP/1.1; long polling and server-sent events (and WebSockets over
        // HTTP/2) each hold a hub connection all the same, so the node counts them itself.
        await using var app = new ConfiguredAppFactory(("QueueBoard:Limits:MaxWebSockets", "3"));
        var held = new List<HubConnection>();
        try
        {
            foreach (var transport in (HttpTransportType[])[HttpTransportType.LongPolling, HttpTransportType.ServerSentEvents, HttpTransportType.LongPolling])
            {
                var hub = Over(app, transport);
                held.Add(hub);
                await StartAndWatchAsync(hub);
            }

            await using var fourth = Over(app, HttpTransportType.ServerSentEvents);
            await Assert.ThrowsAnyAsync<Exception>(() => StartAndWatchAsync(fourth));
            await using var fifth = WebSocket(app);
            await Assert.ThrowsAnyAsync<Exception>(() => StartAndWatchAsync(fifth));

            await held[0].DisposeAsync();
            held.RemoveAt(0);
            await using var again = Over(app, HttpTransportType.LongPolling);
            await RetryAsync(() => StartAndWatchAsync(again));
            Assert.Equal(HubConnectionState.Connected, again.State);
        }
        finally
        {
            foreach (var hub in held)
            {
                await hub.DisposeAsync();
            }
        }
    }

    [Theory]
    [InlineData(20_000, 4_750, 14_250)]
    [InlineData(1_048_576, 249_037, 747_111)]
    [InlineData(1_024, 131, 393)]
    public void The_caps_leave_room_below_the_open_file_limit(long files, long http, long upgraded)
    {
        var caps = OpenFileLimit.Connections(files);

        Assert.Equal((http, upgraded), caps);
        Assert.True(caps.Http + caps.Upgraded < files);
    }

    [Fact]
    public void This_process_open_file_limit_is_read()
    {
        Assert.True(OpenFileLimit.Read() is null or > 0);
        Assert.NotNull(OpenFileLimit.Read());
    }

    // WebSockets only: a client allowed to fall back would hold the node through long polling, which the HTTP cap bounds.
    private static HubConnection WebSocket(QueueBoardAppFactory app) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.BaseAddress, "/hubs/queue"), o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
        })
        .Build();

    private static HubConnection Over(QueueBoardAppFactory app, HttpTransportType transport) => new HubConnectionBuilder()
        .WithUrl(new Uri(app.BaseAddress, "/hubs/queue"), o => o.Transports = transport)
        .Build();

    private static async Task StartAndWatchAsync(HubConnection hub)
    {
        await hub.StartAsync(Cancel);
        await hub.InvokeAsync("WatchBoard", Cancel);
    }

    /// <summary>The freed slot is counted free once the server has seen the close, a moment after the client's.</summary>
    private static async Task RetryAsync(Func<Task> attempt)
    {
        for (var i = 0; ; i++)
        {
            try
            {
                await attempt();
                return;
            }
            catch (Exception) when (i < 20)
            {
                await Task.Delay(100, Cancel);
            }
        }
    }
}
