using System.Net;
using System.Net.Http.Headers;
using System.Text;
using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>
/// The Orleans dashboard is there only when switched on, and then only for the command centre: HTTP Basic with the admin
/// token as password, the sign-in a browser asks for by itself.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private readonly QueueBoardAppFactory _app = new() { Dashboard = true };

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Switched_on_it_asks_for_the_admin_token_and_shows_the_cluster_to_the_admin_only()
    {
        var cancellation = TestContext.Current.CancellationToken;
        using var anonymous = _app.Anonymous();
        using var refused = await anonymous.GetAsync("/dashboard/", cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal("Basic", refused.Headers.WwwAuthenticate.Single().Scheme);

        // A lead code, a wrong password, or the admin token as a bearer (a browser cannot send one to this page): refused.
        var code = await _app.Admin().NewLeadCodeAsync(await CreateSiteAsync());
        foreach (var header in new[] { Basic("lead", code), Basic("admin", "not-the-token"), new AuthenticationHeaderValue("Bearer", QueueBoardAppFactory.AdminToken) })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/dashboard/ClusterStats") { Headers = { Authorization = header } };
            using var response = await anonymous.SendAsync(request, cancellation);
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        using var admin = _app.Anonymous();
        admin.DefaultRequestHeaders.Authorization = Basic("admin", QueueBoardAppFactory.AdminToken);
        var page = await admin.GetStringAsync("/dashboard/", cancellation);
        Assert.Contains("<title>Orleans Dashboard</title>", page, StringComparison.Ordinal);

        // Its figures are this cluster's: one active silo, this node, once the dashboard's first collection has run.
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var active = 0;
        while (active == 0 && waited.Elapsed < TimeSpan.FromSeconds(20))
        {
            active = (await admin.GetJsonAsync("/dashboard/DashboardCounters")).Number("totalActiveHostCount");
            await Task.Delay(active == 0 ? 250 : 0, cancellation);
        }

        Assert.Equal(1, active);
    }

    [Fact]
    public async Task Off_by_default_it_is_not_there_at_all()
    {
        await using var app = new QueueBoardAppFactory();
        using var admin = app.Anonymous();
        admin.DefaultRequestHeaders.Authorization = Basic("admin", QueueBoardAppFactory.AdminToken);
        using var response = await admin.GetAsync("/dashboard/", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    private async Task<string> CreateSiteAsync()
    {
        var siteId = Api.NewSiteId();
        await _app.Admin().CreateSiteAsync(siteId);
        return siteId;
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
}
