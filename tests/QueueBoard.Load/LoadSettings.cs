using System.Globalization;

namespace QueueBoard.Load;

/// <summary>
/// What one harness run does: the district's size, the devices posting and the watchers held, how long each phase lasts
/// and at what rate the latency phase sends. <c>--quick</c> is the five-minute profile; the defaults are a district.
/// </summary>
public sealed record LoadSettings
{
    public int Sites { get; init; } = 500;
    public int LanesPerSite { get; init; } = 6;
    public int Devices { get; init; } = 64;
    public int Watchers { get; init; } = 20_000;
    public int WallsPerSite { get; init; } = 2;
    public int BatchSize { get; init; } = 100;
    public double IngestSeconds { get; init; } = 20;
    public double WatchSeconds { get; init; } = 60;
    public int EventsPerSecond { get; init; } = 1_000;

    /// <summary>
    /// Whether the watch phase's arrivals carry ids, as phones send them. Each id is kept for the 24-hour duplicate
    /// check, so without them a soak shows what the rest of the server keeps.
    /// </summary>
    public bool EventIds { get; init; } = true;

    /// <summary>When above zero, a soak instead of the usual phases: the watch phase alone, this many minutes long.</summary>
    public int SoakMinutes { get; init; }

    /// <summary>
    /// When above zero, after the watch the crowd is gone (every watcher closed, no events) and the node's memory is
    /// followed for this many seconds: what a node keeps after its peak, which the pools it filled then may hold on to.
    /// </summary>
    public double QuietSeconds { get; init; }

    /// <summary>Board watchers whose every push is timed (all walls are); the rest are only counted.</summary>
    public int TimedBoardWatchers { get; init; } = 20;

    /// <summary>
    /// Turns each ingest phase is split into, bare and QueueBoard alternating: a minute when this shared box is busy then
    /// falls on both, not on whichever ran in it, and the ratio compares like with like.
    /// </summary>
    public int Rounds { get; init; } = 3;

    /// <summary>Run the bare baselines beside QueueBoard (a bare endpoint, a bare hub) with the same client code.</summary>
    public bool Baselines { get; init; } = true;

    /// <summary>Two QueueBoard nodes on a local Redis instead of one node in memory.</summary>
    public bool Cluster { get; init; }

    /// <summary>
    /// Watchers open their WebSockets over HTTP/2 (RFC 8441), up to 100 on one TCP connection, on a port of each server
    /// that speaks HTTP/2 alone. Over HTTP/1.1 each watcher holds an open file on the server and one here, and this box
    /// allows a process 20,000; the screens themselves, one phone to a connection, use HTTP/1.1.
    /// </summary>
    public bool Http2 { get; init; }

    /// <summary>
    /// Phones that are not timed are <see cref="QuietWatcher"/>s, which count pushes without parsing them, instead of
    /// <c>HubConnection</c>s: the server's work is the same, and the box's cores go to the server rather than to
    /// parsing the same board push twenty thousand times over.
    /// </summary>
    public bool LightPhones { get; init; }

    public string? JsonPath { get; init; } = "load-results.json";

    public static LoadSettings Quick { get; } = new()
    {
        Sites = 100, LanesPerSite = 6, Devices = 32, Watchers = 2_000, IngestSeconds = 10, WatchSeconds = 30, EventsPerSecond = 500,
    };

    public static LoadSettings Parse(string[] args)
    {
        var settings = args.Contains("--quick") ? Quick : new LoadSettings();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            int Int() => int.Parse(Next(), CultureInfo.InvariantCulture);
            double Real() => double.Parse(Next(), CultureInfo.InvariantCulture);
            settings = args[i] switch
            {
                "--quick" => settings,
                "--sites" => settings with { Sites = Int() },
                "--lanes" => settings with { LanesPerSite = Int() },
                "--devices" => settings with { Devices = Int() },
                "--watchers" => settings with { Watchers = Int() },
                "--walls-per-site" => settings with { WallsPerSite = Int() },
                "--batch" => settings with { BatchSize = Int() },
                "--rounds" => settings with { Rounds = Math.Max(1, Int()) },
                "--ingest-seconds" => settings with { IngestSeconds = Real() },
                "--watch-seconds" => settings with { WatchSeconds = Real() },
                "--quiet-seconds" => settings with { QuietSeconds = Real() },
                "--rate" => settings with { EventsPerSecond = Int() },
                "--soak-minutes" => Int() is var minutes ? settings with { SoakMinutes = minutes, WatchSeconds = 60.0 * minutes } : settings,
                "--no-baselines" => settings with { Baselines = false },
                "--no-ids" => settings with { EventIds = false },
                "--cluster" => settings with { Cluster = true },
                "--http2" => settings with { Http2 = true },
                "--light-phones" => settings with { LightPhones = true },
                "--json" => settings with { JsonPath = Next() },
                _ => throw new ArgumentException($"Unknown option {args[i]}. Options: --quick --sites --lanes --devices --watchers --walls-per-site --batch --ingest-seconds --watch-seconds --rate --soak-minutes --quiet-seconds --no-ids --no-baselines --cluster --http2 --light-phones --json PATH"),
            };
        }

        return settings;
    }
}
