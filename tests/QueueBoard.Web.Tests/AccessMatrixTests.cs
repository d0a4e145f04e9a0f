using System.Net;
using System.Net.Http.Json;
using System.Reflection;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QueueBoard.Testing;
using QueueBoard.Web.Hubs;
using static QueueBoard.Testing.Api;

namespace QueueBoard.Web.Tests;

/// <summary>
/// Who may call what, for every endpoint the app maps and every hub method, enumerated from the app itself so that a new
/// endpoint cannot be added without deciding who may call it: anonymous, the site's own lead, a lead of another site, a
/// revoked lead code, and the command centre.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccessMatrixTests(QueueBoardAppFactory app)
{
    private const int Public = 200;

    /// <summary>Expected status per caller: (anonymous, this site's lead, another site's lead, a revoked code, the admin).</summary>
    private static readonly Dictionary<string, (int Anonymous, int OwnLead, int OtherLead, int Revoked, int Admin)> Expected = new()
    {
        ["GET /api/v1/sites"] = (Public, Public, Public, Public, Public),
        ["GET /api/v1/sites/{siteId}"] = (Public, Public, Public, Public, Public),
        ["GET /api/v1/sites/{siteId}/history"] = (Public, Public, Public, Public, Public),
        ["GET /api/v1/sites/{siteId}/forecast"] = (Public, Public, Public, Public, Public),
        ["GET /api/v1/sites/{siteId}/lanes/{laneId}/history"] = (Public, Public, Public, Public, Public),
        ["GET /api/v1/overview"] = (Public, Public, Public, Public, Public),
        ["GET /api/v1/history"] = (Public, Public, Public, Public, Public),
        ["GET /api/v1/replay"] = (Public, Public, Public, Public, Public),
        ["GET /api/v1/clock"] = (Public, Public, Public, Public, Public),
        ["GET /api/v1/sites/{siteId}/report.csv"] = (401, 403, 403, 401, 200),
        ["GET /api/v1/report.csv"] = (401, 403, 403, 401, 200),
        ["GET /api/v1/report.json"] = (401, 403, 403, 401, 200),
        ["POST /api/v1/sites/{siteId}/events"] = (401, 200, 403, 401, 200),
        ["GET /api/v1/sites/{siteId}/access"] = (401, 200, 403, 401, 200),
        ["PUT /api/v1/sites/{siteId}"] = (401, 403, 403, 401, 200),
        ["POST /api/v1/sites/{siteId}/lead-codes"] = (401, 403, 403, 401, 201),
        ["DELETE /api/v1/sites/{siteId}/lead-codes"] = (401, 403, 403, 401, 204),
        ["GET /api/v1/sites/{siteId}/audit"] = (401, 403, 403, 401, 200),
        ["GET /api/v1/sites/{siteId}/config"] = (401, 403, 403, 401, 200),
        ["GET /api/v1/district.json"] = (401, 403, 403, 401, 200),
        ["POST /api/v1/alerts/acknowledge"] = (401, 403, 403, 401, 400),
        ["GET /api/v1/sites/{siteId}/lead-qr.svg"] = (Public, Public, Public, Public, Public),
        ["GET /health/live"] = (Public, Public, Public, Public, Public),
        ["HEAD /health/live"] = (Public, Public, Public, Public, Public),
        ["GET /health/ready"] = (Public, Public, Public, Public, Public),
        ["HEAD /health/ready"] = (Public, Public, Public, Public, Public),
        ["GET /metrics"] = (Public, Public, Public, Public, Public),
        ["GET /"] = (Public, Public, Public, Public, Public),
        ["GET /wall/{siteId}"] = (Public, Public, Public, Public, Public),
        ["GET /command"] = (Public, Public, Public, Public, Public),
        ["GET /command/admin"] = (Public, Public, Public, Public, Public),
        ["GET /command/summary"] = (Public, Public, Public, Public, Public),
        ["GET /lead/{siteId}"] = (Public, Public, Public, Public, Public),
        ["GET /openapi/{documentName}.json"] = (Public, Public, Public, Public, Public),
    };

    /// <summary>Hub methods: every one is open to anyone (screens are public); the hub itself checks its arguments.</summary>
    private static readonly string[] HubMethods = ["WatchSite", "UnwatchSite", "WatchBoard", "WatchBoardCompact", "WatchBoardSince", "WatchBoardPacked", "WatchOverview"];

    [Fact]
    public void Every_mapped_endpoint_and_hub_method_has_a_row_in_the_access_table()
    {
        var mapped = MappedEndpoints().ToHashSet();
        var hub = typeof(QueueHub).GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Where(m => !m.IsSpecialName && m.Name is not ("OnConnectedAsync" or "OnDisconnectedAsync"))
            .Select(m => m.Name).ToHashSet();

        Assert.Equal(Expected.Keys.Order(), mapped.Order());
        Assert.Equal(HubMethods.Order(), hub.Order());
    }

    [Fact]
    public async Task Each_caller_gets_the_expected_status_from_every_endpoint()
    {
        var failures = new List<string>();
        foreach (var endpoint in MappedEndpoints())
        {
            var expected = Expected[endpoint];
            var siteId = NewSiteId();
            using var admin = app.Admin();
            await admin.CreateSiteAsync(siteId);
            var revoked = await admin.NewLeadCodeAsync(siteId);
            Assert.Equal(HttpStatusCode.NoContent, (await admin.DeleteAsync($"/api/v1/sites/{siteId}/lead-codes")).StatusCode);
            var ownLead = await admin.NewLeadCodeAsync(siteId);
            var otherSite = NewSiteId();
            await admin.CreateSiteAsync(otherSite);
            var otherLead = await admin.NewLeadCodeAsync(otherSite);

            foreach (var (caller, client, status) in new[]
            {
                ("anonymous", app.Anonymous(), expected.Anonymous),
                ("this site's lead", app.WithToken(ownLead), expected.OwnLead),
                ("other site's lead", app.WithToken(otherLead), expected.OtherLead),
                ("revoked code", app.WithToken(revoked), expected.Revoked),
                ("admin", app.Admin(), expected.Admin),
            })
            {
                using (client)
                using (var response = await client.SendAsync(RequestFor(endpoint, siteId), TestContext.Current.CancellationToken))
                {
                    if ((int)response.StatusCode != status)
                    {
                        failures.Add($"{endpoint} as {caller}: {(int)response.StatusCode}, expected {status}");
                    }
                }
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>"METHOD /route/pattern" for every HTTP endpoint the app maps, the hub's own transport endpoints aside.</summary>
    private IEnumerable<string> MappedEndpoints() =>
        app.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/hubs/", StringComparison.Ordinal))
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(method => $"{method} {Normalise(e.RoutePattern.RawText!)}"));

    /// <summary>"/x/y/" and "x/y" both as "/x/y" (a group's empty route ends its pattern with a slash); "/" stays.</summary>
    private static string Normalise(string pattern) => "/" + pattern.Trim('/');

    private static HttpRequestMessage RequestFor(string endpoint, string siteId)
    {
        var (method, pattern) = (endpoint[..endpoint.IndexOf(' ', StringComparison.Ordinal)], endpoint[(endpoint.IndexOf(' ', StringComparison.Ordinal) + 1)..]);
        var path = pattern.Replace("{siteId}", siteId, StringComparison.Ordinal).Replace("{laneId}", "1", StringComparison.Ordinal)
            .Replace("{documentName}", "v1", StringComparison.Ordinal);
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        request.Content = (method, pattern) switch
        {
            ("POST", "/api/v1/sites/{siteId}/events") => JsonContent.Create(new { events = new[] { Arrived("1", 1) } }),
            ("PUT", _) => JsonContent.Create(StandardSite("1", "2")),
            ("POST", "/api/v1/alerts/acknowledge") => JsonContent.Create(new { id = "" }),
            _ => null,
        };
        return request;
    }
}
