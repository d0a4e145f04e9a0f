using Microsoft.AspNetCore.Hosting;
using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>Start-up switches that must refuse to run rather than run wrong.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task A_second_node_on_the_same_orleans_ports_refuses_to_start_and_says_why()
    {
        await using var first = new QueueBoardAppFactory();
        _ = first.BaseAddress;
        await using var second = new QueueBoardAppFactory { SiloPort = first.SiloPort, GatewayPort = first.GatewayPort };

        var error = Assert.ThrowsAny<Exception>(() => second.BaseAddress);

        Assert.Contains($"Port {first.SiloPort}", Flatten(error), StringComparison.Ordinal);
        Assert.Contains("QueueBoard:SiloPort", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_an_admin_token_refuses_to_start()
    {
        await using var app = new NoAdminTokenFactory();

        var error = Assert.ThrowsAny<Exception>(() => app.BaseAddress);

        Assert.Contains("QueueBoard:AdminToken is required", Flatten(error), StringComparison.Ordinal);
    }

    private static string Flatten(Exception error) => error is AggregateException aggregate
        ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
        : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);

    private sealed class NoAdminTokenFactory : QueueBoardAppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("QueueBoard:AdminToken", string.Empty);
        }
    }
}
