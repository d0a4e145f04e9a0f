using QueueBoard.Testing;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// The app on a fixed HTTP port, so that it can be stopped and started again where the pages expect it. Embedded mode keeps
/// state in memory, so each start configures the test's site again, as the command centre would after a restart.
/// </summary>
public sealed class RestartableApp(int httpPort, string siteId) : QueueBoardAppFactory(httpPort)
{
    public string SiteId { get; } = siteId;

    public int HttpPort { get; } = httpPort;

    public Uri Address => new($"http://127.0.0.1:{HttpPort}/");

    /// <summary>Starts on a free port with one standard two-lane site.</summary>
    public static async Task<RestartableApp> StartAsync()
    {
        var app = new RestartableApp(FreePort.Next(), Api.NewSiteId());
        await app.Admin().CreateSiteAsync(app.SiteId);
        return app;
    }

    /// <summary>Starts a fresh app on this one's port (this one must be stopped first), with the same site configured.</summary>
    public async Task<RestartableApp> StartAgainAsync()
    {
        var app = new RestartableApp(HttpPort, SiteId);
        await app.Admin().CreateSiteAsync(SiteId);
        return app;
    }
}
