namespace QueueBoard.Web.Contracts;

/// <summary>
/// <c>GET /api/v1/clock</c>: the district's time zone and the server's time, so that every screen shows the district's
/// clock whatever its device is set to, and can tell how far its own clock is off when it ages numbers.
/// </summary>
public sealed record ClockResponse(string TimeZone, DateTimeOffset Now, double SilentAfterMinutes);
