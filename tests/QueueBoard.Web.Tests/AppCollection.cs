using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>The API and hub tests share one running app; each test creates sites of its own.</summary>
[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<QueueBoardAppFactory>
{
    public const string Name = "app";
}
