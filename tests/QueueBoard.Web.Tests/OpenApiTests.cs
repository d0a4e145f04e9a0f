using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>
/// The OpenAPI document at <c>/openapi/v1.json</c> describes the contract's HTTP API: every path and method it names, with
/// the status codes the contract promises for it.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class OpenApiTests(QueueBoardAppFactory app)
{
    /// <summary>The contract's HTTP API (shared/contract/API.md) and the answers it names for each call.</summary>
    private static readonly Dictionary<string, int[]> Contract = new()
    {
        ["put /api/v1/sites/{siteId}"] = [200, 400, 401, 403, 409, 415, 429],
        ["post /api/v1/sites/{siteId}/lead-codes"] = [201, 401, 403, 404],
        ["delete /api/v1/sites/{siteId}/lead-codes"] = [204, 401, 403, 404],
        ["post /api/v1/sites/{siteId}/events"] = [200, 400, 401, 403, 404, 413, 415, 429, 503],
        ["get /api/v1/sites"] = [200, 304],
        ["get /api/v1/sites/{siteId}"] = [200, 404],
        ["get /api/v1/sites/{siteId}/history"] = [200, 400, 404],
        ["get /api/v1/overview"] = [200],
        ["get /api/v1/sites/{siteId}/audit"] = [200, 401, 403, 404],
        ["get /api/v1/history"] = [200, 400],
        ["get /api/v1/sites/{siteId}/report.csv"] = [200, 400, 401, 403, 404],
        ["get /api/v1/report.csv"] = [200, 400, 401, 403],
    };

    /// <summary>Contract calls not built yet; each must be added to <see cref="Contract"/> when it is.</summary>
    private static readonly string[] NotYetBuilt = [];

    [Fact]
    public async Task The_document_describes_every_contract_call_with_the_answers_the_contract_names()
    {
        var document = await app.Anonymous().GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();
        var described = paths.SelectMany(path => path.Value!.AsObject()
                .Where(op => op.Key is "get" or "put" or "post" or "delete" or "patch")
                .Select(op => (Key: $"{op.Key} {path.Key}", Codes: op.Value!["responses"]!.AsObject().Select(r => int.Parse(r.Key, System.Globalization.CultureInfo.InvariantCulture)).ToHashSet())))
            .ToDictionary(x => x.Key, x => x.Codes);

        var missing = new List<string>();
        foreach (var (call, codes) in Contract)
        {
            if (!described.TryGetValue(call, out var documented))
            {
                missing.Add($"{call}: not in the document");
            }
            else if (codes.Except(documented).ToList() is { Count: > 0 } lacking)
            {
                missing.Add($"{call}: lacks {string.Join(", ", lacking)}");
            }
        }

        Assert.Empty(missing);
        Assert.All(NotYetBuilt, call => Assert.False(described.ContainsKey(call), $"{call} is built now: move it into the contract table"));
        Assert.Equal("QueueBoard API", document["info"]!["title"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_client_generated_from_the_document_sends_what_the_contract_allows()
    {
        var document = await app.Anonymous().GetJsonAsync("/openapi/v1.json");
        var schemas = document["components"]!["schemas"]!;

        // The contract's own examples leave out an event's id and at, and a site's English name and hours.
        Assert.Equal(["lane", "type"], Required(schemas["LaneEventRequest"]!));
        Assert.Equal(["area", "lanes", "latitude", "longitude", "name"], Required(schemas["SiteConfigRequest"]!).Order());

        // Times are strings: a generated client that reads a number or an object there fails on every answer.
        var times = schemas.AsObject().SelectMany(schema => (schema.Value!["properties"]?.AsObject() ?? [])
                .Where(p => p.Value!["format"]?.GetValue<string>() == "date-time")
                .Select(p => (Name: $"{schema.Key}.{p.Key}", Type: p.Value!["type"]?.ToJsonString())))
            .ToList();
        Assert.Contains(times, t => t.Name == "SiteSummary.updatedAt");
        Assert.All(times, t => Assert.True(t.Type is "\"string\"" or "[\"null\",\"string\"]", $"{t.Name} has type {t.Type}"));
        Assert.Equal("[\"null\",\"string\"]", schemas["SiteSummary"]!["properties"]!["nextOpening"]!["type"]!.ToJsonString());

        // The bearer token is declared, and asked for on exactly the calls that need it.
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!.GetValue<string>());
        Assert.True(Secured(document, "post", "/api/v1/sites/{siteId}/events"));
        Assert.True(Secured(document, "put", "/api/v1/sites/{siteId}"));
        Assert.True(Secured(document, "get", "/api/v1/report.csv"));
        Assert.False(Secured(document, "get", "/api/v1/sites"));
        Assert.False(Secured(document, "get", "/api/v1/sites/{siteId}"));
    }

    private static string[] Required(System.Text.Json.Nodes.JsonNode schema) =>
        [.. schema["required"]!.AsArray().Select(n => n!.GetValue<string>())];

    private static bool Secured(System.Text.Json.Nodes.JsonNode document, string method, string path) =>
        document["paths"]![path]![method]!["security"] is System.Text.Json.Nodes.JsonArray { Count: > 0 };
}
