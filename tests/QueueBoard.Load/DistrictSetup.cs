using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace QueueBoard.Load;

/// <summary>
/// Creates the harness's sites (the demo district's shape: numbered lanes, the last one green), opens every lane and
/// gives each site a lead code.
/// </summary>
public static class DistrictSetup
{
    public static async Task<LoadSite[]> CreateAsync(LoadTarget target, string prefix, int sites, int lanes, Action<string> progress)
    {
        using var admin = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        admin.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", target.AdminToken);
        var ids = Enumerable.Range(0, sites).Select(i => $"{prefix}-{i:D4}").ToArray();
        var codes = new string[sites];
        var done = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (id, cancel) =>
        {
            var index = Array.IndexOf(ids, id);
            var config = new
            {
                name = $"压测采样点 {index}",
                nameEn = $"Load site {index}",
                area = "压测街道",
                latitude = 22.55 + (index % 50 * 0.002),
                longitude = 113.05 + (index / 50 * 0.002),
                openHours = new[] { new { from = "00:00", to = "24:00" } },
                lanes = Enumerable.Range(1, lanes).Select(l => new { id = $"{l}", name = $"{l}号通道", kind = l == lanes && lanes > 1 ? "green" : "standard" }).ToArray(),
            };
            // Through the node that will serve it, where its grains then live (they prefer the node that first calls them).
            var node = target.NodeFor(index);
            (await admin.PutAsJsonAsync(new Uri(node, $"/api/v1/sites/{id}"), config, cancel)).EnsureSuccessStatusCode();
            var open = Enumerable.Range(1, lanes).Select(l => new { lane = $"{l}", type = "status", status = "open" }).ToArray();
            (await admin.PostAsJsonAsync(new Uri(node, $"/api/v1/sites/{id}/events"), new { events = open }, cancel)).EnsureSuccessStatusCode();
            using var code = (await admin.PostAsync(new Uri(node, $"/api/v1/sites/{id}/lead-codes"), null, cancel)).EnsureSuccessStatusCode();
            codes[index] = (await code.Content.ReadFromJsonAsync<LeadCode>(cancel))!.Code;
            if (Interlocked.Increment(ref done) % 100 == 0)
            {
                progress($"{done}/{sites} sites created");
            }
        });
        return [.. ids.Zip(codes, (id, leadCode) => new LoadSite(id, leadCode))];
    }

    private sealed record LeadCode(string Code);
}
