using System.Net.Http.Headers;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace QueueBoard.Testing;

/// <summary>
/// The real app on real Kestrel (a free loopback port unless one is given), configured as in production (with in-memory storage on
/// purpose): an admin token, Orleans on ports of its own, the demo district only when asked for. Tests talk to it with plain HTTP clients, the
/// official SignalR .NET client, or a real browser.
/// </summary>
public class QueueBoardAppFactory : WebApplicationFactory<Program>
{
    public const string AdminToken = "test-admin-token-7f3a-0123456789abcdef";

    public QueueBoardAppFactory()
        : this(0)
    {
    }

    /// <summary>For an app that must come back on the same port after a restart.</summary>
    protected QueueBoardAppFactory(int httpPort) => UseKestrel(httpPort);

    /// <summary>Seed the Pengjiang demo district and run its simulator.</summary>
    public bool Demo { get; init; }

    /// <summary>Serve the Orleans dashboard (<c>QueueBoard:Dashboard</c>).</summary>
    public bool Dashboard { get; init; }

    public int SiloPort { get; init; } = FreePort.Next();

    public int GatewayPort { get; init; } = FreePort.Next();

    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!;
            return new Uri(addresses.Addresses.First());
        }
    }

    public HttpClient Anonymous() => new() { BaseAddress = BaseAddress };

    public HttpClient WithToken(string token)
    {
        var client = Anonymous();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public HttpClient Admin() => WithToken(AdminToken);

    public HubConnection Hub() => new HubConnectionBuilder()
        .WithUrl(new Uri(BaseAddress, "/hubs/queue"))
        .Build();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("QueueBoard:AdminToken", AdminToken);
        builder.UseSetting("QueueBoard:Demo", Demo ? "true" : "false");
        builder.UseSetting("QueueBoard:Dashboard", Dashboard ? "true" : "false");
        builder.UseSetting("QueueBoard:Storage", "Memory");
        builder.UseSetting("QueueBoard:SiloPort", SiloPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("QueueBoard:GatewayPort", GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
