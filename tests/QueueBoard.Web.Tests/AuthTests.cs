using System.Net;
using QueueBoard.Testing;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>Who may do what: the command centre everything, a site lead only their own site's events.</summary>
[Collection(AppCollection.Name)]
public sealed class AuthTests(QueueBoardAppFactory app)
{
    [Fact]
    public async Task Without_a_token_or_with_a_wrong_one_a_lead_call_is_401_with_a_problem_to_act_on()
    {
        var siteId = NewSiteId();
        await app.Admin().CreateSiteAsync(siteId);

        foreach (var client in new[] { app.Anonymous(), app.WithToken("not-a-token"), app.WithToken($"{siteId}.forged-secret") })
        {
            using var response = await client.PostEventsAsync(siteId, Arrived("1", 1));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.Contains("Bearer", (await response.ReadJsonAsync())["title"]!.GetValue<string>(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_lead_code_works_on_its_own_site_and_is_403_on_any_other_and_on_admin_calls()
    {
        var admin = app.Admin();
        string own = NewSiteId(), other = NewSiteId();
        await admin.CreateSiteAsync(own);
        await admin.CreateSiteAsync(other);
        var lead = app.WithToken(await admin.NewLeadCodeAsync(own));

        using var ownSite = await lead.PostEventsAsync(own, Arrived("1", 2));
        using var otherSite = await lead.PostEventsAsync(other, Arrived("1", 2));
        using var noSite = await lead.PostEventsAsync(NewSiteId(), Arrived("1", 2));
        using var adminCall = await lead.PutAsync($"/api/v1/sites/{own}", null);
        using var access = await lead.GetAsync($"/api/v1/sites/{own}/access");

        Assert.Equal(HttpStatusCode.OK, ownSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noSite.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, adminCall.StatusCode);
        Assert.Equal("lead", (await access.ReadJsonAsync())["role"]!.GetValue<string>());
        Assert.Equal(0, (await app.Anonymous().GetJsonAsync($"/api/v1/sites/{other}")).Number("queueLength"));
    }

    [Fact]
    public async Task Revoked_lead_codes_stop_working()
    {
        var admin = app.Admin();
        var siteId = NewSiteId();
        await admin.CreateSiteAsync(siteId);
        var lead = app.WithToken(await admin.NewLeadCodeAsync(siteId));

        // In use until the moment it is revoked: this node has just checked it, and must not go on trusting that check.
        using var before = await lead.PostEventsAsync(siteId, Arrived("1", 1));
        using var revoke = await admin.DeleteAsync($"/api/v1/sites/{siteId}/lead-codes");
        using var after = await lead.PostEventsAsync(siteId, Arrived("1", 1));

        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
    }

    [Fact]
    public async Task The_admin_token_on_an_unknown_site_is_404()
    {
        var admin = app.Admin();
        var unknown = NewSiteId();

        using var events = await admin.PostEventsAsync(unknown, Arrived("1", 1));
        using var codes = await admin.PostAsync($"/api/v1/sites/{unknown}/lead-codes", null);
        using var read = await app.Anonymous().GetAsync($"/api/v1/sites/{unknown}");

        Assert.Equal(HttpStatusCode.NotFound, events.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, codes.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        Assert.Equal("application/problem+json", read.Content.Headers.ContentType?.MediaType);
    }
}
