using System.Net.Http.Headers;

namespace QueueBoard.Load;

/// <summary>
/// A site the harness created, with the lead code its simulated phones sign in with: events reach QueueBoard as a site
/// lead's phone sends them, through the lead-code check, not with the command centre's token.
/// </summary>
public sealed record LoadSite(string Id, string LeadCode)
{
    public AuthenticationHeaderValue Authorization { get; } = new("Bearer", LeadCode);
}
