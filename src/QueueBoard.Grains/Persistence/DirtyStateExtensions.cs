namespace QueueBoard.Grains.Persistence;

/// <summary>
/// Writes a grain state only when something was recorded since the last write: the lane and site grains call this once a
/// minute and on deactivation for their minute history and accuracy tally, so that these stay off the per-event hot write.
/// </summary>
public static class DirtyStateExtensions
{
    public static async Task WriteIfDirtyAsync<T>(this IPersistentState<T> state, CancellationToken cancellationToken)
        where T : IDirtyTracked
    {
        if (!state.State.IsDirty)
        {
            return;
        }

        state.State.IsDirty = false;
        await state.WriteStateAsync(cancellationToken);
    }
}
