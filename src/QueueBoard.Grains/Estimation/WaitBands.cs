using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.Estimation;

/// <summary>The contract's bands: smooth under 25 minutes, busy under 50, crowded from 50, closed without a wait.</summary>
public static class WaitBands
{
    public const int BusyFromMinutes = 25;
    public const int CrowdedFromMinutes = 50;

    public static WaitBand Of(int? waitMinutes) => waitMinutes switch
    {
        null => WaitBand.Closed,
        < BusyFromMinutes => WaitBand.Smooth,
        < CrowdedFromMinutes => WaitBand.Busy,
        _ => WaitBand.Crowded,
    };
}
