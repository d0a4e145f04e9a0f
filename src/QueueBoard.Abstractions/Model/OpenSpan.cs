namespace QueueBoard.Abstractions.Model;

/// <summary>
/// One span of a site's opening hours in the district's local time, as minutes after midnight.
/// <see cref="FromMinute"/> is included and <see cref="ToMinute"/> excluded; <see cref="ToMinute"/> may be 1440 (24:00),
/// and a span whose end is before its start runs past midnight.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record OpenSpan([property: Id(0)] int FromMinute, [property: Id(1)] int ToMinute)
{
    /// <summary>The whole day, used when a site gives no opening hours.</summary>
    public static OpenSpan AllDay { get; } = new(0, 24 * 60);

    /// <summary>Whether a local minute of the day (0..1439) falls inside this span.</summary>
    public bool Contains(int minuteOfDay) =>
        FromMinute < ToMinute
            ? minuteOfDay >= FromMinute && minuteOfDay < ToMinute
            : FromMinute > ToMinute && (minuteOfDay >= FromMinute || minuteOfDay < ToMinute);
}
