using Microsoft.Playwright;

namespace QueueBoard.Browser.Tests;

/// <summary>Saves page screenshots into the repository's docs/screenshots, which the README shows.</summary>
public static class Screenshots
{
    public static Task SaveAsync(IPage page, string name) => page.ScreenshotAsync(new() { Path = PathFor(name) });

    /// <summary>One part of a page, such as a site opened on the board with its lanes and forecast.</summary>
    public static Task SaveAsync(ILocator part, string name) => part.ScreenshotAsync(new() { Path = PathFor(name) });

    private static string PathFor(string name)
    {
        var directory = Path.Combine(RepositoryRoot(), "docs", "screenshots");
        Directory.CreateDirectory(directory);
        return Path.Combine(directory, $"{name}.png");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "QueueBoard.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("QueueBoard.sln not found above the test output.");
    }
}
