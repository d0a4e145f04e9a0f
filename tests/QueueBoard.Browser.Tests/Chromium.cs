using QueueBoard.Testing;

namespace QueueBoard.Browser.Tests;

/// <summary>
/// Debian's Chromium, which Playwright drives here (its own browser download cannot work offline). Missing Chromium
/// skips the browser tests on a developer's machine but fails them under <c>CI=true</c>.
/// </summary>
public static class Chromium
{
    public const string Path = "/usr/bin/chromium";

    public static readonly string[] Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-quic",
    ];

    public static bool IsInstalled => File.Exists(Path);

    public static bool InCi => ExternalTool.InCi;

    /// <summary>Skips the calling test when Chromium is missing outside CI.</summary>
    public static void Require() =>
        Assert.SkipUnless(IsInstalled, $"Chromium is not installed at {Path}: apt-get install chromium (CI installs it).");
}
