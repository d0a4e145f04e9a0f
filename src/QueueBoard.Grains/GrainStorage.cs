namespace QueueBoard.Grains;

/// <summary>The name of the grain storage every QueueBoard grain keeps its state in; the host chooses the provider.</summary>
public static class GrainStorage
{
    public const string Name = "queueboard";
}
