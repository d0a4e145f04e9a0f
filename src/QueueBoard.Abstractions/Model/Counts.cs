namespace QueueBoard.Abstractions.Model;

/// <summary>
/// Head counts added up over minutes, lanes or sites for history, reports, forecasts and the district overview: summed
/// wide and held at <see cref="int.MaxValue"/> rather than wrapping or throwing, so that a lead's valid but absurd counts
/// (a thousand events of a thousand arrivals, ten times a second) can never turn a public read into a 500.
/// </summary>
public static class Counts
{
    public static int Saturated(long total) => (int)Math.Clamp(total, int.MinValue, int.MaxValue);

    public static int Sum<T>(IEnumerable<T> items, Func<T, int> count)
    {
        long total = 0;
        foreach (var item in items)
        {
            total += count(item);
        }

        return Saturated(total);
    }
}
