using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Contracts;
using QueueBoard.Web.Demo;
using QueueBoard.Web.Validation;

namespace QueueBoard.Web.Tests;

/// <summary>
/// The demo's simulated leads tap as a phone does, through the API's own checks: a batch the checks refuse is only a
/// warning in the log, while every screen of the demo shows its sites with no lane open.
/// </summary>
public sealed class DemoTrafficTests
{
    [Fact]
    public async Task Every_demo_site_opens_its_lanes_with_taps_the_api_accepts()
    {
        var file = await DemoDistrictFile.LoadAsync(TestContext.Current.CancellationToken);
        var validator = new EventBatchValidator(TimeProvider.System);
        var start = DateTimeOffset.UtcNow;
        foreach (var demo in file.Sites)
        {
            var errors = new ValidationErrors();
            var config = SiteConfigValidator.Validate(demo.ToRequest(), errors);
            Assert.False(errors.Any, $"{demo.Id}: {string.Join(", ", errors.ToDictionary().Keys)}");
            var lanes = config!.Lanes.Select((lane, i) => new SimulatedLane(lane.Id, lane.Kind == LaneKind.Green, 3, i * 7) { Queue = 20, NextHeadCount = start }).ToList();
            var site = new SimulatedSite(demo.Id, config, 0, 1, lanes);

            var events = site.Tick(start, TimeSpan.Zero, TimeSpan.FromSeconds(2), withinHours: true, new Random(2022));

            var checkedEvents = validator.Validate(new EventBatchRequest(events), errors);
            Assert.False(errors.Any, $"{demo.Id}: {string.Join(", ", errors.ToDictionary().Keys)}");
            Assert.Contains(checkedEvents, e => e is { Type: LaneEventType.Status, Status: LaneStatus.Open });
        }
    }
}
