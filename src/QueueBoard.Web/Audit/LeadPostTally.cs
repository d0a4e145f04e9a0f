using QueueBoard.Abstractions.Model;

namespace QueueBoard.Web.Audit;

/// <summary>
/// This node's lead event posts not yet sent to the audit grains, one line per site, day, lead code and address:
/// <see cref="AuditTrail"/> adds each post here and sends the lines once a second, so a busy lead's phone costs the site's
/// audit grain one message a second rather than one a post. The grain merges the lines further, as it merges posts.
/// </summary>
public sealed class LeadPostTally
{
    private readonly Lock _gate = new();
    private Dictionary<(string SiteId, DateOnly Day, string Who, string Address), AuditEntry> _lines = [];

    public void Add(string siteId, DateOnly day, AuditEntry post)
    {
        var key = (siteId, day, post.Who, post.Address);
        lock (_gate)
        {
            _lines[key] = _lines.TryGetValue(key, out var line) ? line.FollowedBy(post) : post;
        }
    }

    /// <summary>Takes every line gathered so far.</summary>
    public IReadOnlyCollection<(string SiteId, DateOnly Day, AuditEntry Line)> Drain()
    {
        Dictionary<(string SiteId, DateOnly Day, string Who, string Address), AuditEntry> lines;
        lock (_gate)
        {
            if (_lines.Count == 0)
            {
                return [];
            }

            (lines, _lines) = (_lines, []);
        }

        return [.. lines.Select(l => (l.Key.SiteId, l.Key.Day, l.Value))];
    }
}
