using QueueBoard.Abstractions.Model;

namespace QueueBoard.Accuracy;

/// <summary>
/// The days the harness plays, each one thing that goes wrong at real sites. Swabbers take 18-22 s (the domain's 3-4 a
/// minute) while the site keeps the default 15 s configured, as sites did, so a board that trusts the configuration is off.
/// </summary>
public static class Scenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("steady", "Steady flow: 2 lanes of 30 s, 90% busy, for 12 hours", 720,
            [Lane("1", 30), Lane("2", 30)], _ => 0.9 * 4)
        {
            WarmUpMinutes = 60, ComparesWithErlang = true,
        },
        new("opening-crowd", "A crowd waiting at opening, then ordinary flow", 240,
            FourLanes(), minute => minute < 20 ? 40 : 11),
        new("surge", "A quiet hour, then a surge after an announcement", 240,
            FourLanes(), minute => minute switch { < 60 => 5, < 70 => 35, _ => 11.5 })
        {
            MustBeatNaive = true,
        },
        new("meal-break", "Staggered meal breaks, configured: lanes 1-2 at 11:30, 3-4 at 12:00", 300,
        [
            Lane("1", 18) with { Breaks = [(210, 240)] },
            Lane("2", 20) with { Breaks = [(210, 240)] },
            Lane("3", 20) with { Breaks = [(240, 270)] },
            Lane("4", 22) with { Breaks = [(240, 270)] },
        ], minute => Crowd(minute, 10.5))
        {
            MustBeatNaive = true,
        },
        new("lane-closing", "Lane 4 closes mid-queue; its people go to the other lanes", 240,
            [Lane("1", 18), Lane("2", 20), Lane("3", 20), Lane("4", 22) with { ClosesAtMinute = 120 }],
            minute => Crowd(minute, minute < 120 ? 11.5 : 9)),
        new("slow-swabber", "Lane 2's swabber is replaced by a trainee twice as slow", 240,
            [Lane("1", 18), Lane("2", 20) with { SlowdownAt = minute => minute < 60 ? 1 : 2 }, Lane("3", 20), Lane("4", 22)],
            minute => Crowd(minute, 10.5)),
        new("green-lane", "A green lane for the elderly beside three standard lanes", 240,
            [Lane("1", 18), Lane("2", 20), Lane("3", 22), new LaneSetup("g", LaneKind.Green, 30)],
            minute => Crowd(minute, 10.5))
        {
            GreenShare = 0.15,
        },
        new("late-taps", "Lead phones offline for 10-15 minutes, their taps arriving late in bursts", 240,
        [
            Lane("1", 18) with { Offline = [(60, 75), (150, 162)] },
            Lane("2", 20),
            Lane("3", 20) with { Offline = [(100, 110)] },
            Lane("4", 22),
        ], minute => Crowd(minute, 11.5)),
    ];

    /// <summary>People queueing before opening (the first 10 minutes bring 250), then a steady flow.</summary>
    private static double Crowd(double minute, double perMinute) => minute < 10 ? 25 + perMinute : perMinute;

    private static LaneSetup Lane(string id, double seconds) => new(id, LaneKind.Standard, seconds);

    private static LaneSetup[] FourLanes() => [Lane("1", 18), Lane("2", 20), Lane("3", 20), Lane("4", 22)];
}
