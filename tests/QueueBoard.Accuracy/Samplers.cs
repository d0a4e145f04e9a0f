namespace QueueBoard.Accuracy;

/// <summary>The random draws of a scenario, from one seeded generator so that every run of a seed is the same day.</summary>
public sealed class Samplers(int seed)
{
    private readonly Random _random = new(seed);

    /// <summary>How many people arrive in one second at a rate of <paramref name="perSecond"/> (Poisson arrivals).</summary>
    public int Arrivals(double perSecond)
    {
        var limit = Math.Exp(-perSecond);
        var product = _random.NextDouble();
        var count = 0;
        while (product > limit)
        {
            count++;
            product *= _random.NextDouble();
        }

        return count;
    }

    /// <summary>
    /// One swab in seconds: log-normal around <paramref name="meanSeconds"/> with coefficient of variation
    /// <paramref name="variation"/>, never shorter than 3 seconds. Swabbing is fairly even, the people being swabbed are not
    /// (a child, a lost QR code), hence the long right tail.
    /// </summary>
    public double ServiceSeconds(double meanSeconds, double variation)
    {
        var sigma2 = Math.Log(1 + (variation * variation));
        var mu = Math.Log(meanSeconds) - (sigma2 / 2);
        return Math.Max(3, Math.Exp(mu + (Math.Sqrt(sigma2) * Normal())));
    }

    public double Uniform() => _random.NextDouble();

    private double Normal()
    {
        var u1 = 1.0 - _random.NextDouble();
        var u2 = _random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }
}
