using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace QueueBoard.Testing;

/// <summary>The calls tests make, in the contract's JSON, read back as JSON nodes so the wire shape itself is checked.</summary>
public static class Api
{
    public static string NewSiteId() => $"t-{Guid.NewGuid():N}"[..18];

    public static object Site(params (string Id, string Kind)[] lanes) => NamedSite("群星公园采样点", "Qunxing Park", lanes);

    // Some 40 km from the demo district (and from the advice tests' sites), so a test's empty sites are never the
    // "faster site nearby" on a demo screen or in a screenshot.
    public static object NamedSite(string name, string nameEn, params (string Id, string Kind)[] lanes) =>
        PlacedSite(name, nameEn, "环市街道", 22.95, 112.70, lanes);

    /// <summary>A site open all day with its names, area and place as given, for tests that rename or move one.</summary>
    public static object PlacedSite(string name, string nameEn, string area, double latitude, double longitude, params (string Id, string Kind)[] lanes) => new
    {
        name,
        nameEn,
        area,
        latitude,
        longitude,
        openHours = new[] { new { from = "00:00", to = "24:00" } },
        lanes = lanes.Select(l => new { id = l.Id, name = $"{l.Id}号通道", kind = l.Kind }).ToArray(),
    };

    /// <summary>A site open all day (placed as <see cref="NamedSite"/>'s) whose lanes are named as given, for tests of names as sites write them.</summary>
    public static object SiteWithLanes(string name, string nameEn, params (string Id, string Name, string Kind)[] lanes) => new
    {
        name,
        nameEn,
        area = "环市街道",
        latitude = 22.95,
        longitude = 112.70,
        openHours = new[] { new { from = "00:00", to = "24:00" } },
        lanes = lanes.Select(l => new { id = l.Id, name = l.Name, kind = l.Kind }).ToArray(),
    };

    /// <summary>
    /// A site of three standard lanes and a green one, placed where given (by default with <see cref="NamedSite"/>'s
    /// sites, away from the demo district) and open from <paramref name="from"/> to <paramref name="to"/> (the district's
    /// clock, "HH:mm"; all day by default, a few hours ahead for a site resting outside its hours).
    /// </summary>
    public static object SiteWith(string name, string nameEn, double latitude = 22.95, double longitude = 112.70, string from = "00:00", string to = "24:00") => new
    {
        name,
        nameEn,
        area = "环市街道",
        latitude,
        longitude,
        openHours = new[] { new { from, to } },
        lanes = new[]
        {
            new { id = "1", name = "1号通道", kind = "standard" },
            new { id = "2", name = "2号通道", kind = "standard" },
            new { id = "3", name = "3号通道", kind = "standard" },
            new { id = "g", name = "绿色通道", kind = "green" },
        },
    };

    public static object StandardSite(params string[] laneIds) => Site([.. laneIds.Select(id => (id, "standard"))]);

    public static async Task CreateSiteAsync(this HttpClient admin, string siteId, object? site = null)
    {
        using var response = await admin.PutAsJsonAsync($"/api/v1/sites/{siteId}", site ?? StandardSite("1", "2"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    public static Task<HttpResponseMessage> PostEventsAsync(this HttpClient client, string siteId, params object[] events) =>
        client.PostAsJsonAsync($"/api/v1/sites/{siteId}/events", new { events });

    /// <summary>Posts events a test sets its scene with, not the call it tests: anything but a 2xx fails the test there.</summary>
    public static async Task PostEventsAcceptedAsync(this HttpClient client, string siteId, params object[] events)
    {
        using var response = await client.PostEventsAsync(siteId, events);
        response.EnsureSuccessStatusCode();
    }

    public static async Task<string> NewLeadCodeAsync(this HttpClient admin, string siteId)
    {
        using var response = await admin.PostAsync($"/api/v1/sites/{siteId}/lead-codes", null);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["code"]!.GetValue<string>();
    }

    public static async Task<JsonObject> GetJsonAsync(this HttpClient client, string path) =>
        JsonNode.Parse(await client.GetStringAsync(path))!.AsObject();

    public static async Task<JsonArray> GetArrayAsync(this HttpClient client, string path) =>
        JsonNode.Parse(await client.GetStringAsync(path))!.AsArray();

    public static async Task<JsonObject> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    public static JsonObject Lane(this JsonObject site, string laneId) =>
        site["lanes"]!.AsArray().Single(l => l!["id"]!.GetValue<string>() == laneId)!.AsObject();

    public static int Number(this JsonNode node, string name) => node[name]!.GetValue<int>();

    public static object Arrived(string lane, int count, string? id = null) => new { id, lane, type = "arrived", count };

    public static object Served(string lane, int count) => new { lane, type = "served", count };

    public static object Status(string lane, string status) => new { lane, type = "status", status };

    public static JsonSerializerOptions Json { get; } = new(JsonSerializerDefaults.Web);
}
