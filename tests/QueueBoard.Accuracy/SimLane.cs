using QueueBoard.Abstractions.Model;

namespace QueueBoard.Accuracy;

/// <summary>
/// The ground truth of one lane: who stands in it in order, who is being swabbed and until when, and whether the swabber
/// is working. First come, first served within the lane.
/// </summary>
public sealed class SimLane(LaneSetup setup)
{
    public LaneSetup Setup { get; } = setup;
    public LinkedList<SimPerson> Waiting { get; } = new();
    public SimPerson? InService { get; set; }
    public double ServiceEndsAt { get; set; }
    public LaneStatus Status { get; set; } = LaneStatus.Open;

    /// <summary>People in the lane as a lead counts them: those waiting and the one being swabbed.</summary>
    public int Count => Waiting.Count + (InService is null ? 0 : 1);

    public bool Takes(bool green) => Status == LaneStatus.Open && (Setup.Kind == LaneKind.Green) == green;
}
