namespace QueueBoard.Accuracy;

/// <summary>
/// How the harness's residents behave and how QueueBoard is set up for a run: by default people step across to a line
/// three shorter than theirs, and each lane posts its own wait. The report can try other settings to compare.
/// </summary>
public sealed record HarnessSettings(int JockeyGap, bool PoolLanes)
{
    public static HarnessSettings Default { get; } = new(3, false);
}
