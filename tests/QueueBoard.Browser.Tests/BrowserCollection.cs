namespace QueueBoard.Browser.Tests;

/// <summary>Browser tests share one app and one Chromium; each test opens its own pages.</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "browser";
}
