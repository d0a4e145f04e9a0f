using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>Every admin and lead write leaves a line in the site's audit trail: who, from where, what and when.</summary>
[Collection(AppCollection.Name)]
public sealed class AuditTests(QueueBoardAppFactory app)
{
    private readonly HttpClient _admin = app.Admin();
    private readonly string _siteId = NewSiteId();

    [Fact]
    public async Task The_audit_names_the_admin_and_the_lead_code_by_id_newest_first_and_never_the_code()
    {
        await _admin.CreateSiteAsync(_siteId);
        var code = await _admin.NewLeadCodeAsync(_siteId);
        using var lead = app.WithToken(code);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostEventsAsync(_siteId, Arrived("1", 2), Served("1", 1))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostEventsAsync(_siteId, Arrived("2", 4))).StatusCode);

        // Lines are recorded without holding up the writes; give them a moment to land.
        JsonArray audit = [];
        for (var attempt = 0; attempt < 50 && (audit.Count < 3 || audit[0]!.Number("requests") < 2); attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            audit = await _admin.GetArrayAsync($"/api/v1/sites/{_siteId}/audit");
        }

        Assert.Equal(["events", "lead code issued", "site configured"], audit.Select(e => e!["action"]!.GetValue<string>()));
        var events = audit[0]!;
        Assert.StartsWith("lead:", events["who"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal((2, 3), (events.Number("requests"), events.Number("events")));
        Assert.Equal("127.0.0.1", events["address"]!.GetValue<string>());
        Assert.Equal("admin", audit[2]!["who"]!.GetValue<string>());
        Assert.Equal(events["who"]!.GetValue<string>(), audit[1]!["detail"]!.GetValue<string>());
        Assert.DoesNotContain(code, audit.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(code.Split('.')[1], audit.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_leads_posts_reach_the_sites_audit_grain_within_seconds_though_nobody_reads_them()
    {
        await _admin.CreateSiteAsync(_siteId);
        var code = await _admin.NewLeadCodeAsync(_siteId);
        using var lead = app.WithToken(code);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostEventsAsync(_siteId, Arrived("1", 2))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await lead.PostEventsAsync(_siteId, Arrived("1", 1))).StatusCode);

        // Read past the API, which sends the node's gathered posts first: only the once-a-second send can bring them here.
        var day = app.Services.GetRequiredService<IGrainFactory>()
            .GetGrain<IAuditGrain>(IAuditGrain.KeyOf(_siteId, DateOnly.FromDateTime(DateTime.UtcNow)));
        AuditEntry? line = null;
        for (var attempt = 0; attempt < 50 && line?.Requests != 2; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            line = (await day.GetEntries()).FirstOrDefault(e => e.Action == IAuditGrain.EventsAction);
        }

        Assert.NotNull(line);
        Assert.Equal((2, 2), (line.Requests, line.Events));
    }

    [Fact]
    public async Task Only_the_admin_reads_the_audit()
    {
        await _admin.CreateSiteAsync(_siteId);
        var code = await _admin.NewLeadCodeAsync(_siteId);

        using var anonymous = await app.Anonymous().GetAsync($"/api/v1/sites/{_siteId}/audit", TestContext.Current.CancellationToken);
        using var lead = await app.WithToken(code).GetAsync($"/api/v1/sites/{_siteId}/audit", TestContext.Current.CancellationToken);
        using var unknown = await _admin.GetAsync($"/api/v1/sites/{NewSiteId()}/audit", TestContext.Current.CancellationToken);

        Assert.Equal(
            (HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden, HttpStatusCode.NotFound),
            (anonymous.StatusCode, lead.StatusCode, unknown.StatusCode));
    }

    [Theory]
    [InlineData(null, "127.0.0.1")]
    [InlineData("127.0.0.1", "203.0.113.7")]
    public async Task The_client_address_comes_from_x_forwarded_for_only_behind_a_trusted_proxy(string? trustedProxies, string recorded)
    {
        await using var node = trustedProxies is null
            ? new ConfiguredAppFactory()
            : new ConfiguredAppFactory(("QueueBoard:TrustedProxies", trustedProxies));
        using var admin = node.Admin();
        admin.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        await admin.CreateSiteAsync(_siteId);

        JsonArray audit = [];
        for (var attempt = 0; attempt < 50 && audit.Count == 0; attempt++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            audit = await admin.GetArrayAsync($"/api/v1/sites/{_siteId}/audit");
        }

        Assert.Equal(recorded, Assert.Single(audit)!["address"]!.GetValue<string>());
    }
}
