using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace QueueBoard.Load;

/// <summary>
/// The baselines QueueBoard is measured against, in a process of their own (<c>serve-baseline PORT</c>): (a) a bare
/// minimal-API endpoint at QueueBoard's event path that reads the same JSON body and answers 200; (b) a bare hub whose
/// server, on <c>POST /broadcast</c>, pushes payloads of QueueBoard's measured sizes to the same watchers on the same
/// schedule, each stamped with when it was sent. With a second port, that one speaks HTTP/2 alone, as QueueBoard's does in a
/// <c>--http2</c> run.
/// </summary>
public static class BaselineServer
{
    public const string Token = "baseline";

    public static WebApplication Build(int port, int? http2Port = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.Listen(IPAddress.Loopback, port);
            if (http2Port is { } h2)
            {
                kestrel.Listen(IPAddress.Loopback, h2, listen => listen.Protocols = HttpProtocols.Http2);
            }
        });
        builder.Services.AddSignalR();
        var app = builder.Build();
        app.UseWebSockets();
        app.MapPost("/api/v1/sites/{siteId}/events", async (string siteId, HttpRequest request) =>
        {
            var batch = await JsonSerializer.DeserializeAsync<BareBatch>(request.Body, JsonSerializerOptions.Web);
            return Results.Ok(new { accepted = batch?.Events?.Length ?? 0, duplicates = 0, site = siteId });
        });
        app.MapHub<BareHub>("/hubs/bare");
        app.MapPost("/broadcast", (int sites, double sitePushesPerSecond, int wallBytes, int boardBytes, double seconds, IHubContext<BareHub> hub) =>
        {
            _ = BroadcastAsync(hub, sites, sitePushesPerSecond, wallBytes, boardBytes, TimeSpan.FromSeconds(seconds));
            return Results.Accepted();
        });
        app.MapGet("/health/ready", () => Results.Ok());
        return app;
    }

    private static async Task BroadcastAsync(IHubContext<BareHub> hub, int sites, double sitePushesPerSecond, int wallBytes, int boardBytes, TimeSpan duration)
    {
        var wallPad = new string('x', Math.Max(0, wallBytes - 40));
        var boardPad = new string('x', Math.Max(0, boardBytes - 40));
        var siteEvery = TimeSpan.FromSeconds(1 / Math.Max(0.1, sitePushesPerSecond));
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var nextSite = TimeSpan.Zero;
        var nextBoard = TimeSpan.Zero;
        while (clock.Elapsed < duration)
        {
            var now = clock.Elapsed;
            if (now >= nextSite)
            {
                nextSite += siteEvery;
                var sentAt = DateTime.UtcNow.Ticks;
                await Task.WhenAll(Enumerable.Range(0, sites).Select(s => hub.Clients.Group($"site-{s}").SendAsync("siteUpdated", new BarePush(sentAt, wallPad))));
            }

            if (now >= nextBoard)
            {
                nextBoard += TimeSpan.FromSeconds(1);
                await hub.Clients.Group("board").SendAsync("boardUpdated", new BarePush(DateTime.UtcNow.Ticks, boardPad));
            }

            var wait = (nextSite < nextBoard ? nextSite : nextBoard) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }
        }
    }
}
