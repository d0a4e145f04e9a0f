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
}
