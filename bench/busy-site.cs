#:property PublishAot=false
// Measures what a busy day of event ids costs a site: fills one site with N fresh ids (default 500,000, in batches of
// 1,000), then times 1-event batches to it and to a fresh site, alternating, in the same run, and prints both and their
// ratio. Drives a running QueueBoard node over HTTP:
//   dotnet run bench/busy-site.cs -- http://127.0.0.1:8080 <admin-token> [ids] [samples]
using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;

var baseUrl = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:8080");
var token = args.Length > 1 ? args[1] : "dev-admin-token";
var ids = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 500_000;
var samples = args.Length > 3 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 500;

using var http = new HttpClient { BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(2) };
http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
var run = Guid.NewGuid().ToString("N")[..8];
var (busy, fresh) = ($"bench-busy-{run}", $"bench-fresh-{run}");
foreach (var site in new[] { busy, fresh })
{
    var config = new
    {
        name = site, nameEn = site, area = "bench", latitude = 22.59, longitude = 113.08,
        openHours = new[] { new { from = "00:00", to = "24:00" } },
        lanes = new[] { new { id = "1", name = "1", kind = "standard" } },
    };
    (await http.PutAsJsonAsync($"/api/v1/sites/{site}", config)).EnsureSuccessStatusCode();
}

var fill = Stopwatch.StartNew();
for (var sent = 0; sent < ids; sent += 1000)
{
    var batch = Enumerable.Range(0, Math.Min(1000, ids - sent)).Select(_ => new { id = Guid.NewGuid(), lane = "1", type = "arrived", count = 1 });
    (await http.PostAsJsonAsync($"/api/v1/sites/{busy}/events", new { events = batch })).EnsureSuccessStatusCode();
    if (sent % 50_000 == 0)
    {
        Console.Error.Write($"\rfilling {busy}: {sent:N0} / {ids:N0} ids ({fill.Elapsed.TotalSeconds:0} s)");
    }
}

Console.Error.WriteLine($"\rfilled {busy} with {ids:N0} ids in {fill.Elapsed.TotalSeconds:0.0} s");

var timings = new Dictionary<string, List<double>> { [busy] = [], [fresh] = [] };
for (var i = 0; i < samples * 2; i++)
{
    var site = i % 2 == 0 ? busy : fresh;
    var one = new { events = new[] { new { id = Guid.NewGuid(), lane = "1", type = "served", count = 1 } } };
    var clock = Stopwatch.StartNew();
    (await http.PostAsJsonAsync($"/api/v1/sites/{site}/events", one)).EnsureSuccessStatusCode();
    timings[site].Add(clock.Elapsed.TotalMilliseconds);
}

double Percentile(List<double> values, double p) => values.Order().ElementAt((int)Math.Min(values.Count - 1, Math.Floor(p * values.Count)));
Console.WriteLine($"1-event batch latency over {samples} samples each, alternating (ms):");
Console.WriteLine($"{"site",-28} {"p50",8} {"p90",8} {"p99",8}");
foreach (var (site, values) in timings)
{
    Console.WriteLine($"{(site == busy ? $"busy ({ids:N0} ids)" : "fresh"),-28} {Percentile(values, 0.5),8:0.00} {Percentile(values, 0.9),8:0.00} {Percentile(values, 0.99),8:0.00}");
}

Console.WriteLine($"ratio busy/fresh: p50 {Percentile(timings[busy], 0.5) / Percentile(timings[fresh], 0.5):0.00}, p99 {Percentile(timings[busy], 0.99) / Percentile(timings[fresh], 0.99):0.00}");
