namespace QueueBoard.Browser.Tests;

/// <summary>
/// The browser tests that mostly wait (a minute to roll over, a node to restart, a tap's undo to
/// run out), and those that make sites of their own (names as long as the page allows, alerts ranked against none of the
/// demo's), get an app and a Chromium of their own, so that they run beside <see cref="BrowserCollection"/> rather than
/// after it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserApartCollection : ICollectionFixture<QuietBrowserFixture>
{
    public const string Name = "browser-apart";
}
