using System.Collections.Concurrent;
using System.Collections.Immutable;
using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Contracts;
using QueueBoard.Web.Telemetry;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Ingestion;

/// <summary>
/// The one way lane events enter QueueBoard, for site leads over HTTP and for the demo simulator alike: validate the
/// whole batch, then hand it to the site grain, which applies it all or nothing.
/// </summary>
public sealed class EventIngestor(IGrainFactory grains, EventBatchValidator validator, QueueBoardMetrics metrics)
{
    // Made once per site: GetGrain works out the grain type by reflection on every call, a noticeable share of a single
    // event's CPU. Only the ids of configured sites get here, so the cache is as large as the district.
    private readonly ConcurrentDictionary<string, ISiteGrain> _sites = new(StringComparer.Ordinal);

    /// <summary>Checks and applies a batch: what the simulator does, and a lead's post with its budget between the two.</summary>
    public Task<IngestResult> IngestAsync(string siteId, EventBatchRequest request) =>
        Check(request, out var events) is { } refused ? Task.FromResult(refused) : ApplyAsync(siteId, events);

    /// <summary>The batch's faults, all named at once, or null with its events ready for <see cref="ApplyAsync"/>.</summary>
    public IngestResult? Check(EventBatchRequest request, out ImmutableArray<LaneEvent> events)
    {
        var errors = new ValidationErrors();
        events = validator.Validate(request, errors);
        if (!errors.Any)
        {
            return null;
        }

        // A body of a million empty objects is one refused batch, not a million refused events on the dashboard.
        metrics.Rejected(Math.Min(request.Events?.Count ?? 0, EventBatchValidator.MaximumEvents), "invalid");
        return new IngestResult(null, errors.ToDictionary());
    }

    /// <summary>Hands checked events to their site, which applies them all or none.</summary>
    public async Task<IngestResult> ApplyAsync(string siteId, ImmutableArray<LaneEvent> events)
    {
        var outcome = await _sites.GetOrAdd(siteId, static (id, factory) => factory.GetGrain<ISiteGrain>(id), grains).Apply(events);
        if (!outcome.SiteFound)
        {
            metrics.Rejected(events.Length, "unknown_site");
            return new IngestResult(null, null, SiteFound: false);
        }

        if (outcome.StorageFailed)
        {
            metrics.Rejected(events.Length, "storage");
            return new IngestResult(null, null, StorageFailed: true);
        }

        if (!outcome.UnknownLaneIndexes.IsEmpty)
        {
            var errors = new ValidationErrors();
            foreach (var index in outcome.UnknownLaneIndexes)
            {
                errors.Add($"events[{index}].lane", $"Site '{siteId}' has no lane '{events[index].Lane}'.");
            }

            metrics.Rejected(events.Length, "invalid");
            return new IngestResult(null, errors.ToDictionary());
        }

        metrics.Accepted(outcome.Accepted);
        metrics.Rejected(outcome.Duplicates, "duplicate");
        return new IngestResult(new EventBatchResponse(outcome.Accepted, outcome.Duplicates, outcome.Version), null);
    }
}
