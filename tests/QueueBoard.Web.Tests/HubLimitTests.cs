using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;
using QueueBoard.Testing;
using QueueBoard.Web.Limits;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>One hub client cannot watch without limit or hold unlimited connections; a refusal is a clear hub error.</summary>
public sealed class HubLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_connection_watches_at_most_the_configured_number_of_sites_and_bad_arguments_get_a_hub_error()
    {
        await using var app = new ConfiguredAppFactory(("QueueBoard:Limits:WatchesPerConnection", "2"));
        using var admin = app.Admin();
        var sites = new[] { NewSiteId(), NewSiteId(), NewSiteId() };
        foreach (var site in sites)
        {
            await admin.CreateSiteAsync(site);
        }

        await using var hub = app.Hub();
        await hub.StartAsync(Cancel);
        var empty = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("WatchSite", (string?)null, Cancel));
        Assert.Contains("not a site id", empty.Message, StringComparison.Ordinal);
        await hub.InvokeAsync("WatchSite", sites[0], Cancel);
        await hub.InvokeAsync("WatchSite", sites[1], Cancel);
        await hub.InvokeAsync("WatchSite", sites[1], Cancel);

        var third = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("WatchSite", sites[2], Cancel));
        Assert.Contains("at most 2 sites", third.Message, StringComparison.Ordinal);

        await hub.InvokeAsync("UnwatchSite", sites[0], Cancel);
        await hub.InvokeAsync("WatchSite", sites[2], Cancel);
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task An_address_holds_at_most_the_configured_number_of_connections()
    {
        await using var app = new ConfiguredAppFactory(("QueueBoard:Limits:HubConnectionsPerAddress", "2"));
        await using var first = app.Hub();
        await using var second = app.Hub();
        await using var third = app.Hub();
        var closed = new TaskCompletionSource();
        third.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };

        await first.StartAsync(Cancel);
        await second.StartAsync(Cancel);
        try
        {
            await third.StartAsync(Cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            closed.TrySetResult();
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        Assert.Equal(HubConnectionState.Disconnected, third.State);
        Assert.Equal(HubConnectionState.Connected, first.State);

        // A connection given back makes room for another, once the server has seen it go.
        await first.StopAsync(Cancel);
        var counter = app.Services.GetRequiredService<HubConnectionCounter>();
        for (var attempt = 0; attempt < 100 && counter.OpenFrom("127.0.0.1") >= 2; attempt++)
        {
            await Task.Delay(50, Cancel);
        }

        await using var fourth = app.Hub();
        await fourth.StartAsync(Cancel);
        await fourth.InvokeAsync("WatchBoard", Cancel);
        Assert.Equal(HubConnectionState.Connected, fourth.State);
    }

    [Fact]
    public async Task A_connection_looping_on_a_watch_gets_a_hub_error_and_stays_connected()
    {
        await using var app = new ConfiguredAppFactory(("QueueBoard:Limits:HubCallsPerSecond", "1"), ("QueueBoard:Limits:HubCallBurst", "3"));
        await using var hub = app.Hub();
        await hub.StartAsync(Cancel);

        var refusals = await CallsRefusedAsync([hub, hub, hub, hub, hub, hub]);

        Assert.InRange(refusals.Count, 1, 3);
        Assert.All(refusals, r => Assert.Contains("on this connection", r.Message, StringComparison.Ordinal));
        Assert.Equal(HubConnectionState.Connected, hub.State);
    }

    [Fact]
    public async Task An_address_spreading_calls_over_connections_is_held_to_its_own_budget_and_recovers()
    {
        await using var app = new ConfiguredAppFactory(
            ("QueueBoard:Limits:HubCallsPerAddressPerSecond", "1"),
            ("QueueBoard:Limits:HubCallAddressBurst", "4"));
        await using var first = app.Hub();
        await using var second = app.Hub();
        await first.StartAsync(Cancel);
        await second.StartAsync(Cancel);

        // Three calls each: well within each connection's own budget, two more than the address's burst.
        var refusals = await CallsRefusedAsync([first, second, first, second, first, second]);

        Assert.InRange(refusals.Count, 1, 2);
        Assert.All(refusals, r => Assert.Contains("from this network", r.Message, StringComparison.Ordinal));
        await Task.Delay(TimeSpan.FromSeconds(2.5), Cancel);
        await second.InvokeAsync("WatchBoard", Cancel);
    }

    private static async Task<List<HubException>> CallsRefusedAsync(HubConnection[] calls)
    {
        var refused = new List<HubException>();
        foreach (var hub in calls)
        {
            try
            {
                await hub.InvokeAsync("WatchBoard", Cancel);
            }
            catch (HubException ex)
            {
                refused.Add(ex);
            }
        }

        return refused;
    }

    [Fact]
    public async Task A_hub_message_over_the_size_limit_closes_the_connection()
    {
        await using var app = new ConfiguredAppFactory(("QueueBoard:Limits:HubMessageBytes", "1024"));
        await using var hub = app.Hub();
        var closed = new TaskCompletionSource();
        hub.Closed += _ =>
        {
            closed.TrySetResult();
            return Task.CompletedTask;
        };
        await hub.StartAsync(Cancel);
        await hub.InvokeAsync("WatchBoard", Cancel);

        try
        {
            await hub.InvokeAsync("WatchSite", new string('x', 4096), Cancel);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The call may fail as the connection goes; what matters is that the server closed it.
        }

        await closed.Task.WaitAsync(TimeSpan.FromSeconds(10), Cancel);
        Assert.Equal(HubConnectionState.Disconnected, hub.State);
    }
}
