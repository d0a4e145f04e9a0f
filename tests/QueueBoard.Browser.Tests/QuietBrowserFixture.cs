namespace QueueBoard.Browser.Tests;

/// <summary>
/// The app and Chromium of <see cref="BrowserApartCollection"/>: no demo district, whose traffic would only add load
/// beside the main collection's; its tests make the sites they need.
/// </summary>
public sealed class QuietBrowserFixture() : BrowserHost(demo: false);
