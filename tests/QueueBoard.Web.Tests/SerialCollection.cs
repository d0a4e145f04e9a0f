namespace QueueBoard.Web.Tests;

/// <summary>
/// Tests that measure the whole test process (its heap) or flood an app with requests run alone, after the others, so
/// that no other test's allocations or load blur what they measure.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialCollection
{
    public const string Name = "serial";
}
