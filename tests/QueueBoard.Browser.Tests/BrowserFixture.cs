namespace QueueBoard.Browser.Tests;

/// <summary>The main browser collection's app, with the Pengjiang demo district running, and its Chromium.</summary>
public sealed class BrowserFixture() : BrowserHost(demo: true);
