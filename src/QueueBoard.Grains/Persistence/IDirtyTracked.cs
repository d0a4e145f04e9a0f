namespace QueueBoard.Grains.Persistence;

/// <summary>A grain state that knows whether it changed since it was last written (<see cref="DirtyStateExtensions"/>).</summary>
public interface IDirtyTracked
{
    /// <summary>Set by every change and cleared by the grain once written; never stored.</summary>
    bool IsDirty { get; set; }
}
