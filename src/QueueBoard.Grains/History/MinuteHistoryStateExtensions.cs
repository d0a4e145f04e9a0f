namespace QueueBoard.Grains.History;

/// <summary>
/// Writes a grain's minute history only when something was recorded since the last write: the lane and site grains call
/// this once a minute and on deactivation, so that history stays off the per-event hot write.
/// </summary>
public static class MinuteHistoryStateExtensions
{
    public static async Task WriteIfDirtyAsync(this IPersistentState<MinuteHistory> history, CancellationToken cancellationToken)
    {
        if (!history.State.IsDirty)
        {
            return;
        }

        history.State.IsDirty = false;
        await history.WriteStateAsync(cancellationToken);
    }
}
