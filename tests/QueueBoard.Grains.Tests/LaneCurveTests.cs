using QueueBoard.Grains.Accuracy;

namespace QueueBoard.Grains.Tests;

/// <summary>
/// How a lane measures the waits it posted: the n-th person to arrive is the n-th served, so each serve settles the
/// people it reaches with their posted wait less the time they actually waited, and a head count forgets the people it
/// no longer accounts for.
/// </summary>
public sealed class LaneCurveTests
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 7, 9, 0, 0, TimeSpan.FromHours(8));

    [Fact]
    public void Serves_settle_each_group_of_arrivals_in_turn_even_across_groups()
    {
        var curve = new LaneCurve(0);
        var settled = new List<(int People, double Error)>();
        curve.Arrived(3, 10, T0);
        curve.Arrived(2, 5, T0.AddMinutes(1));

        curve.Served(2, T0.AddMinutes(8), (people, error) => settled.Add((people, error)));
        curve.Served(2, T0.AddMinutes(9), (people, error) => settled.Add((people, error)));
        curve.Served(1, T0.AddMinutes(10), (people, error) => settled.Add((people, error)));

        // Posted 10, waited 8 and 9; posted 5, waited 8 and 9.
        Assert.Equal([(2, 2.0), (1, 1.0), (1, -3.0), (1, -4.0)], settled);
    }

    [Fact]
    public void The_people_already_queued_when_the_lane_opened_and_those_without_a_posted_wait_are_not_measured()
    {
        var curve = new LaneCurve(2);
        var settled = new List<(int People, double Error)>();
        curve.Arrived(1, null, T0);
        curve.Arrived(1, 6, T0);

        curve.Served(4, T0.AddMinutes(5), (people, error) => settled.Add((people, error)));

        Assert.Equal([(1, 1.0)], settled);
    }

    [Fact]
    public void A_head_count_below_the_curve_forgets_the_people_it_no_longer_accounts_for()
    {
        var curve = new LaneCurve(0);
        var settled = new List<(int People, double Error)>();
        curve.Arrived(3, 10, T0);
        curve.Arrived(2, 12, T0);
        curve.Served(1, T0.AddMinutes(4), (people, error) => settled.Add((people, error)));

        // Four were left, the lead counts one: only the second person of the first group is still told apart.
        curve.Counted(1);
        curve.Served(5, T0.AddMinutes(6), (people, error) => settled.Add((people, error)));

        Assert.Equal([(1, 6.0), (1, 4.0)], settled);
    }

    [Fact]
    public void Beyond_the_most_it_holds_the_oldest_groups_are_given_up()
    {
        var curve = new LaneCurve(0);
        var settled = new List<(int People, double Error)>();
        for (var i = 0; i <= LaneCurve.MaximumPending; i++)
        {
            curve.Arrived(1, 10, T0);
        }

        curve.Served(2, T0.AddMinutes(3), (people, error) => settled.Add((people, error)));

        // The first person's group went to make room; the second is still measured.
        Assert.Equal([(1, 7.0)], settled);
    }
}
