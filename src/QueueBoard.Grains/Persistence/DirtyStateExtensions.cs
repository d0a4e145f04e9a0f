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
        try
        {
            await state.WriteStateAsync(cancellationToken);
        }
        catch
        {
            // Tried again by the next timer tick or the deactivation, which would otherwise see nothing to write on a
            // quiet evening and drop the last minutes.
            state.State.IsDirty = true;
            await TakeStoredVersionAsync(state, cancellationToken);
            throw;
        }
    }

    /// <summary>
    /// A write that failed may still have been stored (a timeout after Redis applied it), which leaves this activation's
    /// ETag behind storage and every later write refused. The grain's memory is the newer truth, so it keeps its state and
    /// takes only storage's version; if storage cannot be read either, the next failed write tries again.
    /// </summary>
    private static async Task TakeStoredVersionAsync<T>(IPersistentState<T> state, CancellationToken cancellationToken)
        where T : IDirtyTracked
    {
        var mine = state.State;
        try
        {
            await state.ReadStateAsync(cancellationToken);
        }
        catch
        {
            // Storage is down; the original failure is the one worth reporting.
        }

        state.State = mine;
    }
}
