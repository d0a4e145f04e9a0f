namespace QueueBoard.Grains.Tests;

/// <summary>Grain tests share one cluster; each test works on sites of its own.</summary>
[CollectionDefinition(Name)]
public sealed class ClusterCollection : ICollectionFixture<ClusterFixture>
{
    public const string Name = "cluster";
}
