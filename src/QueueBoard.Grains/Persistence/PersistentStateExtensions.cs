namespace QueueBoard.Grains.Persistence;

/// <summary>
/// Writes a grain's state; if the write fails the grain is deactivated before the error goes back, so that memory that
/// ran ahead of storage is dropped and the next call starts again from what storage holds.
/// </summary>
public static class PersistentStateExtensions
{
    public static async Task WriteOrResetAsync<T>(this IPersistentState<T> state, IGrainBase owner)
    {
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            owner.DeactivateOnIdle();
            throw;
        }
    }
}
