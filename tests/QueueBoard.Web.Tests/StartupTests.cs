using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
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
        await using var app = new ConfiguredAppFactory(("QueueBoard:AdminToken", string.Empty));

        var error = Assert.ThrowsAny<Exception>(() => app.BaseAddress);

        Assert.Contains("QueueBoard:AdminToken is required", Flatten(error), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_with_a_short_admin_token_refuses_to_start()
    {
        await using var app = new ConfiguredAppFactory(("QueueBoard:AdminToken", "short"));

        var error = Flatten(Assert.ThrowsAny<Exception>(() => app.BaseAddress));

        Assert.Contains("QueueBoard:AdminToken is too short", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Production_without_redis_refuses_to_start_and_names_both_ways_out()
    {
        await using var app = new ConfiguredAppFactory(("QueueBoard:Storage", string.Empty));

        var error = Flatten(Assert.ThrowsAny<Exception>(() => app.BaseAddress));

        Assert.Contains("--QueueBoard:Redis=HOST:PORT", error, StringComparison.Ordinal);
        Assert.Contains("--QueueBoard:Storage=Memory", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("QueueBoard:SilentAfterMinutes", "0", "SilentAfterMinutes must be more than 0")]
    [InlineData("QueueBoard:SilentAfterMinutes", "NaN", "SilentAfterMinutes must be more than 0")]
    [InlineData("QueueBoard:CriticalWaitMinutes", "30", "CriticalWaitMinutes at least AlertWaitMinutes")]
    public async Task Alert_settings_that_would_grey_or_break_every_site_refuse_to_start(string key, string value, string said)
    {
        await using var app = new ConfiguredAppFactory((key, value));

        var error = Flatten(Assert.ThrowsAny<Exception>(() => app.BaseAddress));

        Assert.Contains(said, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_storage_refuses_to_start()
    {
        await using var app = new ConfiguredAppFactory(("QueueBoard:Storage", "Postgres"));

        var error = Flatten(Assert.ThrowsAny<Exception>(() => app.BaseAddress));

        Assert.Contains("QueueBoard:Storage=Postgres is not a storage QueueBoard knows", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_stopping_node_has_fifty_seconds_to_hand_over_unless_the_operator_says_otherwise()
    {
        await using var standard = new QueueBoardAppFactory();
        await using var told = new ConfiguredAppFactory(("shutdownTimeoutSeconds", "20"));

        Assert.Equal(TimeSpan.FromSeconds(50), standard.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), told.Services.GetRequiredService<IOptions<HostOptions>>().Value.ShutdownTimeout);
    }

    [Fact]
    public async Task Memory_storage_on_purpose_starts_live_and_ready()
    {
        await using var app = new QueueBoardAppFactory();
        using var client = app.Anonymous();

        using var live = await client.GetAsync("/health/live", TestContext.Current.CancellationToken);
        using var ready = await client.GetAsync("/health/ready", TestContext.Current.CancellationToken);

        Assert.Equal((System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK), (live.StatusCode, ready.StatusCode));

        // Some balancers probe with HEAD.
        using var liveHead = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/live"), TestContext.Current.CancellationToken);
        using var readyHead = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/health/ready"), TestContext.Current.CancellationToken);
        Assert.Equal((System.Net.HttpStatusCode.OK, System.Net.HttpStatusCode.OK), (liveHead.StatusCode, readyHead.StatusCode));
    }

    private static string Flatten(Exception error) => error is AggregateException aggregate
        ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
        : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : string.Empty);
}
