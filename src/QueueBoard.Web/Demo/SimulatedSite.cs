using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Contracts;

namespace QueueBoard.Web.Demo;

/// <summary>
/// One demo site's simulated day: residents arrive by the schedule and join the shortest open lane (some go to the green
/// lane), swabbers serve at their own pace, lanes pause for meal breaks, and one lane of the district closes for a spell.
/// Each tick yields the events its site lead would tap: arrivals (a few missed, as at a real gate), serves, status changes
/// and a head count now and then that corrects the drift.
/// </summary>
public sealed class SimulatedSite(string id, SiteConfig config, int areaIndex, double popularity, IReadOnlyList<SimulatedLane> lanes)
{
    public const int BreakEveryMinutes = 45;
    public const int BreakMinutes = 4;
    public const double GreenShare = 0.12;
    public const double MissedArrivalShare = 0.05;
    public static readonly TimeSpan HeadCountEvery = TimeSpan.FromMinutes(5);

    public string Id { get; } = id;

    /// <summary>The lane that closes for 20 minutes of every 40, to show a closed lane and its effect on the others.</summary>
    public string? ClosingLaneId { get; init; }

    public List<LaneEventRequest> Tick(DateTimeOffset now, TimeSpan sinceStart, TimeSpan step, bool withinHours, Random random)
    {
        var events = new List<LaneEventRequest>();
        foreach (var lane in lanes)
        {
            var status = withinHours ? StatusAt(lane, sinceStart) : "closed";
            if (status != lane.ReportedStatus)
            {
                lane.ReportedStatus = status;
                events.Add(Event(lane, "status", status: status));
            }
        }

        var open = lanes.Where(l => l.ReportedStatus == "open").ToList();
        if (open.Count == 0)
        {
            return events;
        }

        var capacity = open.Sum(l => l.ServicePerMinute);
        var expected = capacity * ArrivalSchedule.LoadAt(areaIndex, sinceStart) * popularity * step.TotalMinutes;
        var arrivals = new Dictionary<SimulatedLane, int>();
        for (var i = Poisson(expected, random); i > 0; i--)
        {
            var lane = ChooseLane(open, random);
            lane.Queue++;
            if (random.NextDouble() >= MissedArrivalShare)
            {
                arrivals[lane] = arrivals.GetValueOrDefault(lane) + 1;
            }
        }

        foreach (var (lane, count) in arrivals)
        {
            events.Add(Event(lane, "arrived", count));
        }

        foreach (var lane in open)
        {
            var served = Math.Min(lane.Queue, Poisson(lane.ServicePerMinute * step.TotalMinutes, random));
            if (served > 0)
            {
                lane.Queue -= served;
                events.Add(Event(lane, "served", served));
            }

            if (now >= lane.NextHeadCount)
            {
                lane.NextHeadCount = now + HeadCountEvery;
                events.Add(Event(lane, "queue", lane.Queue));
            }
        }

        return events;
    }

    private string StatusAt(SimulatedLane lane, TimeSpan sinceStart)
    {
        var minute = (int)sinceStart.TotalMinutes;
        if (lane.Id == ClosingLaneId && minute % 40 >= 20)
        {
            return "closed";
        }

        return (minute + lane.BreakOffsetMinutes) % BreakEveryMinutes < BreakMinutes ? "paused" : "open";
    }

    private static SimulatedLane ChooseLane(List<SimulatedLane> open, Random random)
    {
        var green = open.Where(l => l.Green).ToList();
        var pool = green.Count > 0 && random.NextDouble() < GreenShare ? green : open.Where(l => !l.Green).ToList();
        if (pool.Count == 0)
        {
            pool = open;
        }

        // People look for the shortest line, but not everyone sees every lane.
        var a = pool[random.Next(pool.Count)];
        var b = pool[random.Next(pool.Count)];
        return a.Queue <= b.Queue ? a : b;
    }

    private static LaneEventRequest Event(SimulatedLane lane, string type, int? count = null, string? status = null) =>
        new(Lane: lane.Id, Type: type, Id: Guid.NewGuid().ToString(), Count: count, Status: status);

    private static int Poisson(double mean, Random random)
    {
        if (mean <= 0)
        {
            return 0;
        }

        if (mean > 30)
        {
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * Gaussian(random))));
        }

        var limit = Math.Exp(-mean);
        var count = 0;
        var product = random.NextDouble();
        while (product > limit)
        {
            count++;
            product *= random.NextDouble();
        }

        return count;
    }

    private static double Gaussian(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    /// <summary>The configuration the site runs under (for its opening hours).</summary>
    public SiteConfig Config { get; } = config;
}
