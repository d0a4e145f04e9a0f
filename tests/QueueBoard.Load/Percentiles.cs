namespace QueueBoard.Load;

/// <summary>Latency samples in milliseconds, summarised as the table prints them.</summary>
public sealed record Percentiles(int Count, double P50, double P99, double P999, double Max)
{
    public static Percentiles Of(IEnumerable<double> samples)
    {
        var sorted = samples.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Percentiles(0, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
        return new Percentiles(sorted.Length, At(0.5), At(0.99), At(0.999), sorted[^1]);
    }
}
