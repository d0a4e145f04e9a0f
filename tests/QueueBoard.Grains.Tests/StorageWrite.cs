namespace QueueBoard.Grains.Tests;

/// <summary>One write that <see cref="TestGrainStorage"/> saw: which state of which grain, and how many bytes it stored.</summary>
public sealed record StorageWrite(string StateName, GrainId GrainId, int Bytes);
