/// <summary>
/// Shared by the benches that time a page's first row or tile (<c>page-arrival.cs</c>, <c>screen-cost.cs --load</c>):
/// a script put in the page before its own that notes when the first item matching a selector enters the page.
/// </summary>
/// <remarks>
/// The page notes the time itself: asking it afterwards would wait for its busy main thread and count that wait too.
/// </remarks>
static class FirstItemScript
{
    /// <summary>Sets <c>window.__firstItem</c> to <c>performance.now()</c> when <paramref name="selector"/> first matches.</summary>
    public static string NotedFor(string selector) => $$"""
        window.__firstItem = null;
        new MutationObserver((records, observer) => {
          if (!document.querySelector({{System.Text.Json.JsonSerializer.Serialize(selector)}})) return;
          window.__firstItem = performance.now();
          observer.disconnect();
        }).observe(document, { childList: true, subtree: true });
        """;
}
