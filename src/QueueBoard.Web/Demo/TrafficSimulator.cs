using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Time;
using QueueBoard.Web.Contracts;
using QueueBoard.Web.Ingestion;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Demo;

/// <summary>
/// Seeds the Pengjiang demo district and then plays its site leads: every couple of seconds each site's taps go through
/// <see cref="EventIngestor"/>, exactly as a lead's phone's would. Runs only when <c>QueueBoard:Demo</c> is true, and in a
/// cluster on one node at a time (<see cref="ILeaseGrain"/>).
/// </summary>
public sealed class TrafficSimulator(
    IGrainFactory grains,
    EventIngestor ingestor,
    DistrictClock clock,
    IHostApplicationLifetime lifetime,
    ILogger<TrafficSimulator> logger) : BackgroundService
{
    public static readonly TimeSpan Step = TimeSpan.FromSeconds(2);

    /// <summary>A late tick simulates the time that really passed, but never more than this in one go.</summary>
    public static readonly TimeSpan LongestStep = TimeSpan.FromSeconds(10);

    public const int SeedAttempts = 5;

    /// <summary>How long the node running the simulator keeps it after its last round; then another node takes over.</summary>
    public static readonly TimeSpan LeaseTerm = 3 * Step;

    public const string LeaseName = "demo-simulator";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStarted(stoppingToken);
        var random = new Random(2022);
        var lease = grains.GetGrain<ILeaseGrain>(LeaseName);
        var node = Guid.NewGuid().ToString("N");
        List<SimulatedSite>? sites = null;
        var start = clock.UtcNow;
        var last = start - Step;
        using var timer = new PeriodicTimer(Step);
        do
        {
            // Every node runs this service; only the lease holder plays the leads, so a cluster simulates the district once.
            if (!await HoldsLeaseAsync(lease, node))
            {
                continue;
            }

            if (sites is null)
            {
                sites = await SeedAsync(random, () => HoldsLeaseAsync(lease, node), stoppingToken);
                logger.LogInformation("Demo district: {Sites} sites seeded; simulating their traffic every {Step}", sites.Count, Step);
                start = clock.UtcNow;
                last = start - Step;
            }

            var now = clock.UtcNow;
            var step = now - last < LongestStep ? now - last : LongestStep;
            last = now;
            foreach (var site in sites)
            {
                var withinHours = site.Config.IsWithinHours(clock.MinuteOfDay(now));
                var events = site.Tick(now, now - start, step, withinHours, random);
                if (events.Count == 0)
                {
                    continue;
                }

                try
                {
                    var result = await ingestor.IngestAsync(site.Id, new EventBatchRequest(events));
                    if (result.Errors is not null)
                    {
                        logger.LogWarning("Demo batch for {Site} refused: {Errors}", site.Id, result.Errors.Keys);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Demo batch for {Site} failed; the simulator carries on", site.Id);
                }
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>
    /// Configures the demo sites that do not exist yet (a node taking the simulation over leaves the others, and any
    /// admin's edits to them, alone), keeping the lease through a slow seeding, and returns every site to simulate.
    /// </summary>
    private async Task<List<SimulatedSite>> SeedAsync(Random random, Func<Task<bool>> keepLease, CancellationToken cancellationToken)
    {
        var file = await DemoDistrictFile.LoadAsync(cancellationToken);
        var areas = file.Sites.Select(s => s.Area).Distinct().ToList();
        var closingSite = file.Sites.FirstOrDefault(s => s.Lanes?.Count >= 6)?.Id;
        var sites = new List<SimulatedSite>();
        foreach (var demo in file.Sites)
        {
            var errors = new ValidationErrors();
            var config = SiteConfigValidator.Validate(demo.ToRequest(), errors)
                ?? throw new InvalidDataException($"Demo site {demo.Id} is invalid: {string.Join(", ", errors.ToDictionary().Keys)}");
            await keepLease();
            var exists = await grains.GetGrain<ISiteGrain>(demo.Id).GetDetail() is not null;
            if (!exists && !await ConfigureAsync(demo.Id, config, cancellationToken))
            {
                continue;
            }

            var tier = DemoTier.Draw(random);
            var lanes = config.Lanes.Select((lane, index) => new SimulatedLane(
                lane.Id,
                lane.Kind == LaneKind.Green,
                lane.Kind == LaneKind.Green ? 2.5 : 3 + (2 * random.NextDouble()),
                (index * 7) + random.Next(45))
            {
                // Green lanes are shorter: few people may use them.
                Queue = random.Next(tier.StartQueueMin, tier.StartQueueMax + 1) / (lane.Kind == LaneKind.Green ? 4 : 1),
                NextHeadCount = clock.UtcNow,
            }).ToList();
            var closingLane = demo.Id == closingSite ? config.Lanes.Last(l => l.Kind == LaneKind.Standard).Id : null;
            sites.Add(new SimulatedSite(demo.Id, config, areas.IndexOf(demo.Area), tier.Popularity, lanes) { ClosingLaneId = closingLane });
        }

        return sites;
    }

    /// <summary>
    /// Configures one demo site, retrying a slow start; a site that still fails is left out with an error in the log rather
    /// than stopping the host (a failing background service would take the whole app down).
    /// </summary>
    private async Task<bool> ConfigureAsync(string siteId, SiteConfig config, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var outcome = await grains.GetGrain<ISiteGrain>(siteId).Configure(config);
                if (outcome.Site is null)
                {
                    logger.LogError("Demo site {Site} keeps its old lanes: people are still queued in {Lanes}", siteId, outcome.LanesStillQueued);
                }

                return true;
            }
            catch (Exception ex) when (ex is not OperationCanceledException && attempt < SeedAttempts)
            {
                logger.LogWarning(ex, "Demo site {Site} could not be configured (attempt {Attempt}); retrying", siteId, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Demo site {Site} left out: it could not be configured", siteId);
                return false;
            }
        }
    }

    private async Task<bool> HoldsLeaseAsync(ILeaseGrain lease, string node)
    {
        try
        {
            return await lease.TryHold(node, LeaseTerm);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogDebug("Demo lease not reachable ({Error}); trying again next round", ex.GetBaseException().Message);
            return false;
        }
    }

    private Task WhenStarted(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(stoppingToken);
    }
}
