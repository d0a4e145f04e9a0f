using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace QueueBoard.Load;

/// <summary>
/// A site the harness created, with the lead code its simulated phones sign in with: events reach QueueBoard as a site
/// lead's phone sends them, through the lead-code check, not with the command centre's token.
/// </summary>
public sealed record LoadSite(string Id, string LeadCode)
{
    private AuthenticationHeaderValue Authorization { get; } = new("Bearer", LeadCode);

    /// <summary>A lead's <c>POST …/events</c> of <paramref name="events"/> to this site, through <paramref name="node"/>.</summary>
    public HttpRequestMessage PostEvents(Uri node, object events) =>
        new(HttpMethod.Post, new Uri(node, $"/api/v1/sites/{Id}/events"))
        {
            Content = JsonContent.Create(new { events }),
            Headers = { Authorization = Authorization },
        };
}
