using System.Text.RegularExpressions;
using QueueBoard.Testing;

namespace QueueBoard.Web.Tests;

/// <summary>
/// A page's script modules arrive a level of imports at a time unless the page names them all up front: on a phone's
/// network each level is another round trip before the first row. Each page preloads exactly the modules its script
/// imports, however indirectly, and no classic script holds up the parsing of the page.
/// </summary>
public sealed partial class ModulePreloadTests
{
    [Theory]
    [InlineData("index.html", "board")]
    [InlineData("command.html", "command")]
    [InlineData("wall.html", "wall")]
    [InlineData("lead.html", "lead")]
    public void A_page_preloads_every_module_its_script_imports_and_nothing_else(string page, string entry)
    {
        var html = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "wwwroot", page));

        Assert.Contains($"<script type=\"module\" src=\"/js/{entry}.js\"></script>", html, StringComparison.Ordinal);
        var preloaded = Preloads().Matches(html).Select(match => match.Groups[1].Value).ToList();
        Assert.Equal(preloaded.Count, preloaded.Distinct(StringComparer.Ordinal).Count());
        var imported = ModuleImports.Closure(entry);
        imported.Remove(entry);
        Assert.Equal(imported, new SortedSet<string>(preloaded, StringComparer.Ordinal));

        Assert.All(ClassicScripts().Matches(html), script => Assert.Contains(" defer ", script.Value, StringComparison.Ordinal));
    }

    [GeneratedRegex(@"<link rel=""modulepreload"" href=""/js/([\w/-]+)\.js"">")]
    private static partial Regex Preloads();

    [GeneratedRegex(@"<script(?![^>]*type=""module"")[^>]*\bsrc=[^>]*>")]
    private static partial Regex ClassicScripts();
}
