using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using QueueBoard.Accuracy;

// The full accuracy report: every scenario over several seeds, with progress, a Markdown table and a JSON file.
// dotnet run --project tests/QueueBoard.Accuracy -- [--seeds N] [--json PATH] [--scenario NAME]
//     [--jockey-gap N] [--pool-lanes true|false]
var seeds = 5;
var settings = HarnessSettings.Default;
var json = "accuracy.json";
string? only = null;
for (var i = 0; i + 1 < args.Length; i += 2)
{
    switch (args[i])
    {
        case "--seeds": seeds = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--json": json = args[i + 1]; break;
        case "--scenario": only = args[i + 1]; break;
        case "--jockey-gap": settings = settings with { JockeyGap = int.Parse(args[i + 1], CultureInfo.InvariantCulture) }; break;
        case "--pool-lanes": settings = settings with { PoolLanes = bool.Parse(args[i + 1]) }; break;
        default: Console.Error.WriteLine($"Unknown option {args[i]}"); return 2;
    }
}

var scenarios = Scenarios.All.Where(s => only is null || s.Name == only).ToList();
var total = scenarios.Count * seeds;
var done = 0;
var clock = Stopwatch.StartNew();
var summaries = new List<ScenarioSummary>();
foreach (var scenario in scenarios)
{
    var runs = new List<ScenarioResult>();
    for (var seed = 1; seed <= seeds; seed++)
    {
        runs.Add(await new ScenarioRun(scenario, seed, settings).RunAsync());
        done++;
        Console.Error.WriteLine($"[{done}/{total}] {scenario.Name} seed {seed}: error {runs[^1].ErrorShare:P0}, {clock.Elapsed.TotalSeconds:0} s");
    }

    summaries.Add(new ScenarioSummary(scenario, runs));
}

Console.WriteLine(AccuracyReport.Table(summaries));
await File.WriteAllTextAsync(json, JsonSerializer.Serialize(
    summaries.Select(s => new
    {
        s.Scenario.Name, s.Scenario.Description, s.People, s.MeanActual, s.MeanAbsoluteError, s.ErrorShare, s.BiasShare, s.RangeHitRate,
        s.NaiveConfiguredError, s.NaiveRecentError, s.GainOverNaive, s.ErlangDeviation, s.SelfMeasuredError,
        Missed = AccuracyTargets.Missed(s),
    }),
    new JsonSerializerOptions { WriteIndented = true }));
Console.Error.WriteLine($"Wrote {json} in {clock.Elapsed.TotalSeconds:0} s.");
return summaries.All(s => AccuracyTargets.Missed(s).Count == 0) ? 0 : 1;
