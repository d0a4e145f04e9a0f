using QueueBoard.Abstractions.Grains;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Accuracy;

/// <summary>
/// Plays one scenario for one seed through the real site and lane grains: every simulated second people arrive (Poisson),
/// pick the open lane with the fewest people, move to a shorter line when theirs is clearly longer, and are swabbed first come,
/// first served; the lead's taps reach the grains every 5 seconds (later when the phone is offline), and each person
/// records the waits the board showed when they joined. The ground truth is the second their swab began.
/// </summary>
public sealed class ScenarioRun(Scenario scenario, int seed, HarnessSettings? settings = null)
{
    /// <summary>How often taps leave a phone and the board is read: the lead console's outbox flush.</summary>
    public const int StepSeconds = 5;

    /// <summary>The service time the site is configured with (QueueBoard's default), which real swabbers do not keep to.</summary>
    public const double ConfiguredServiceSeconds = 15;

    private const string SiteId = "accuracy";

    private readonly HarnessSettings _settings = settings ?? HarnessSettings.Default;
    private readonly Samplers _random = new(seed);
    private readonly List<SimLane> _lanes = [.. scenario.Lanes.Select(l => new SimLane(l))];
    private readonly List<SimPerson> _people = [];
    private readonly List<Tap> _outbox = [];
    private readonly Dictionary<string, Queue<(int At, int Count)>> _deliveredServes = [];
    private DateTimeOffset _start;

    public async Task<ScenarioResult> RunAsync()
    {
        await using var cluster = await AccuracyCluster.StartAsync(_settings);
        _start = cluster.Time.GetUtcNow();
        var site = cluster.Grains.GetGrain<ISiteGrain>(SiteId);
        await site.Configure(SiteConfiguration());
        await site.Apply([.. _lanes.Select(l => Event(l, LaneEventType.Status, 0, 0, LaneStatus.Open))]);

        var end = scenario.Minutes * 60;
        var giveUpAt = end + (6 * 3600);
        for (var t = 0; t < giveUpAt; t += StepSeconds)
        {
            cluster.Time.SetUtcNow(_start.AddSeconds(t));
            await DeliverAsync(site, t);
            var picture = await site.GetDetail() ?? throw new InvalidOperationException("The site vanished.");
            if (t >= end && _lanes.All(l => l.Count == 0))
            {
                return ScenarioResult.From(scenario, seed, _people, picture.Accuracy);
            }

            for (var second = t; second < t + StepSeconds; second++)
            {
                Simulate(second, second < end, picture);
            }
        }

        return ScenarioResult.From(scenario, seed, _people, null);
    }

    private SiteConfig SiteConfiguration() =>
        new("准确度测试点", "Accuracy site", "测试", 22.59, 113.08, [OpenSpan.AllDay],
            [.. scenario.Lanes.Select(l => new LaneConfig(l.Id, $"{l.Id}号通道", l.Kind)
            {
                Breaks = [.. l.Breaks.Select(b => new OpenSpan(Scenario.StartsAtLocalMinute + b.From, Scenario.StartsAtLocalMinute + b.To))],
            })]);

    private async Task DeliverAsync(ISiteGrain site, int now)
    {
        var due = _outbox.Where(tap => tap.SendableAt <= now).ToList();
        if (due.Count == 0)
        {
            return;
        }

        _outbox.RemoveAll(tap => tap.SendableAt <= now);
        foreach (var batch in due.Chunk(1000))
        {
            var outcome = await site.Apply([.. batch.Select(tap => tap.Event)]);
            if (!outcome.SiteFound || outcome.StorageFailed || !outcome.UnknownLaneIndexes.IsDefaultOrEmpty)
            {
                throw new InvalidOperationException("The site refused a batch.");
            }
        }

        foreach (var tap in due.Where(tap => tap.Event.Type == LaneEventType.Served))
        {
            ServesOf(tap.Event.Lane).Enqueue(((int)(tap.Event.At - _start).TotalSeconds, tap.Event.Count));
        }
    }

    private void Simulate(int second, bool arriving, SiteDetail picture)
    {
        var minute = second / 60.0;
        foreach (var lane in _lanes)
        {
            Schedule(lane, second);
        }

        if (arriving)
        {
            for (var n = _random.Arrivals(scenario.ArrivalsPerMinute(minute) / 60); n > 0; n--)
            {
                Arrive(second, picture);
            }
        }

        Jockey();
        foreach (var lane in _lanes)
        {
            Serve(lane, second, minute);
        }

        if (scenario.HeadCountEveryMinutes is { } every && second > 0 && second % (every * 60) == 0)
        {
            foreach (var lane in _lanes.Where(l => l.Status != LaneStatus.Closed))
            {
                Send(lane, second, LaneEventType.Queue, lane.Count);
            }
        }
    }

    /// <summary>Planned pauses and a closing, at the second they happen; the lead taps each.</summary>
    private void Schedule(SimLane lane, int second)
    {
        foreach (var (from, to) in lane.Setup.Breaks)
        {
            if (second == from * 60)
            {
                lane.Status = LaneStatus.Paused;
                Send(lane, second, LaneEventType.Status, 0, LaneStatus.Paused);
            }
            else if (second == to * 60)
            {
                lane.Status = LaneStatus.Open;
                Send(lane, second, LaneEventType.Status, 0, LaneStatus.Open);
            }
        }

        if (lane.Setup.ClosesAtMinute * 60 == second)
        {
            lane.Status = LaneStatus.Closed;
            var moving = lane.Waiting.ToList();
            lane.Waiting.Clear();
            Send(lane, second, LaneEventType.Queue, lane.Count);
            Send(lane, second, LaneEventType.Status, 0, LaneStatus.Closed);
            foreach (var person in moving)
            {
                var target = Shortest(_lanes.Where(l => l.Takes(person.Green))) ?? Shortest(_lanes.Where(l => l.Takes(false)))!;
                target.Waiting.AddLast(person);
                Send(target, second, LaneEventType.Arrived, 1);
            }
        }
    }

    private void Arrive(int second, SiteDetail picture)
    {
        var green = _random.Uniform() < scenario.GreenShare;
        var lane = Shortest(_lanes.Where(l => l.Takes(green)))
            ?? Shortest(_lanes.Where(l => l.Takes(false)))
            ?? Shortest(_lanes.Where(l => l.Status == LaneStatus.Paused && l.Setup.Kind == LaneKind.Standard))
            ?? Shortest(_lanes.Where(l => l.Status == LaneStatus.Paused))!;
        var view = picture.Lanes.Single(l => l.Id == lane.Setup.Id);
        var person = new SimPerson(second, green)
        {
            Posted = view.WaitMinutes,
            PostedLow = view.WaitMinutesLow,
            PostedHigh = view.WaitMinutesHigh,
            NaiveConfigured = Minutes(view.QueueLength * ConfiguredServiceSeconds / 60),
            NaiveRecent = NaiveRecent(lane, view.QueueLength, second),
        };
        _people.Add(person);
        lane.Waiting.AddLast(person);
        Send(lane, second, LaneEventType.Arrived, 1);
    }

    /// <summary>The second naive board: the queue over what the lane served in the last 15 minutes (as reported so far).</summary>
    private int NaiveRecent(SimLane lane, int queue, int second)
    {
        var serves = ServesOf(lane.Setup.Id);
        while (serves.TryPeek(out var oldest) && oldest.At <= second - 900)
        {
            serves.Dequeue();
        }

        var perMinute = serves.Sum(s => s.Count) / 15.0;
        return perMinute > 0 ? Minutes(queue / perMinute) : Minutes(queue * ConfiguredServiceSeconds / 60);
    }

    /// <summary>The last person of the longest open line steps across to the shortest of the same kind when it is clearly shorter.</summary>
    private void Jockey()
    {
        foreach (var green in new[] { false, true })
        {
            var open = _lanes.Where(l => l.Takes(green)).ToList();
            if (open.Count < 2)
            {
                continue;
            }

            var longest = open.MaxBy(l => l.Waiting.Count)!;
            var shortest = open.MinBy(l => l.Waiting.Count)!;
            if (longest.Waiting.Count - shortest.Waiting.Count >= _settings.JockeyGap)
            {
                var person = longest.Waiting.Last!.Value;
                longest.Waiting.RemoveLast();
                shortest.Waiting.AddLast(person);
            }
        }
    }

    private void Serve(SimLane lane, int second, double minute)
    {
        while (true)
        {
            if (lane.InService is not null)
            {
                if (lane.ServiceEndsAt > second + 1)
                {
                    return;
                }

                lane.InService = null;
                Send(lane, second, LaneEventType.Served, 1);
            }

            if (lane.Status != LaneStatus.Open || lane.Waiting.First is not { } next)
            {
                return;
            }

            lane.Waiting.RemoveFirst();
            var startsAt = Math.Max(second, lane.ServiceEndsAt);
            next.Value.ServiceStart = startsAt;
            lane.InService = next.Value;
            lane.ServiceEndsAt = startsAt + _random.ServiceSeconds(lane.Setup.MeanServiceSeconds * lane.Setup.SlowdownAt(minute), scenario.ServiceVariation);
        }
    }

    private void Send(SimLane lane, int second, LaneEventType type, int count, LaneStatus? status = null)
    {
        var offline = lane.Setup.Offline.FirstOrDefault(w => second >= w.From * 60 && second < w.To * 60);
        var sendable = offline == default ? second : offline.To * 60;
        _outbox.Add(new Tap(Event(lane, type, count, second, status), sendable));
    }

    private LaneEvent Event(SimLane lane, LaneEventType type, int count, int second, LaneStatus? status) =>
        new(Guid.NewGuid(), lane.Setup.Id, type, count, status, _start.AddSeconds(second));

    private Queue<(int At, int Count)> ServesOf(string laneId) =>
        _deliveredServes.TryGetValue(laneId, out var serves) ? serves : _deliveredServes[laneId] = new();

    private static SimLane? Shortest(IEnumerable<SimLane> lanes) => lanes.MinBy(l => l.Count);

    /// <summary>Minutes as a board would show them: whole, and at least 1 while anyone is ahead.</summary>
    private static int Minutes(double minutes) => minutes <= 0 ? 0 : Math.Max(1, (int)Math.Round(minutes, MidpointRounding.AwayFromZero));
}
