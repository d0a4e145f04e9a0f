namespace QueueBoard.Web.Demo;

/// <summary>
/// The printed time-slot schedule (核酸检测时段安排表), compressed so a demo shows its waves within minutes: each hour is
/// split into slots, and each area's neighbourhoods are called in their own slot, when arrivals there run at several
/// times the background rate. Areas take turns, so one area's sites fill while the next one's empty.
/// </summary>
public static class ArrivalSchedule
{
    public const int SlotMinutes = 15;
    public const int CycleMinutes = 60;
    public const double BackgroundLoad = 0.45;
    public const double CalledLoad = 1.6;

    /// <summary>The arrival load (1.0 = what the open lanes can just serve) for an area at a moment of the demo.</summary>
    public static double LoadAt(int areaIndex, TimeSpan sinceStart)
    {
        var minute = sinceStart.TotalMinutes % CycleMinutes;
        var slotStart = (areaIndex * SlotMinutes) % CycleMinutes;
        var intoSlot = (minute - slotStart + CycleMinutes) % CycleMinutes;
        if (intoSlot >= SlotMinutes)
        {
            return BackgroundLoad;
        }

        // Residents arrive in a swell, not a step: the slot's middle is its peak.
        var shape = Math.Sin(Math.PI * intoSlot / SlotMinutes);
        return BackgroundLoad + ((CalledLoad - BackgroundLoad) * shape);
    }
}
