namespace QueueBoard.Accuracy;

/// <summary>
/// The textbook mean wait of a queue served by <c>c</c> equal servers: Erlang C for exponential service (M/M/c), scaled
/// by (1 + cs²)/2 for service times with coefficient of variation cs (the Allen-Cunneen approximation for M/G/c).
/// </summary>
public static class ErlangC
{
    /// <summary>The probability that an arrival has to wait, for <paramref name="servers"/> and offered load a = λ/μ.</summary>
    public static double ProbabilityOfWaiting(int servers, double offeredLoad)
    {
        var utilisation = offeredLoad / servers;
        var term = 1.0;
        var sum = 1.0;
        for (var k = 1; k < servers; k++)
        {
            term *= offeredLoad / k;
            sum += term;
        }

        var last = term * offeredLoad / servers / (1 - utilisation);
        return last / (sum + last);
    }

    /// <summary>The mean wait in minutes before service starts, for arrivals and services per minute.</summary>
    public static double MeanWaitMinutes(int servers, double arrivalsPerMinute, double servicePerMinute, double serviceVariation)
    {
        var load = arrivalsPerMinute / servicePerMinute;
        var mmc = ProbabilityOfWaiting(servers, load) / ((servers * servicePerMinute) - arrivalsPerMinute);
        return mmc * (1 + (serviceVariation * serviceVariation)) / 2;
    }
}
