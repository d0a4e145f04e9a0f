using System.Collections.Concurrent;

namespace QueueBoard.Web.Auth;

/// <summary>
/// Lead codes this node has lately checked with their site grain, kept by hash for <see cref="Lifetime"/>, so that a
/// lead's phone posting every few seconds costs the site one grain call per lifetime rather than one per request (the
/// check was the largest cost of a single event a lead sends after the event itself). Only codes that passed are kept,
/// so made-up tokens cannot grow it. A revocation through this node forgets its site's codes at once, and a check that
/// began before it counts for nothing; other nodes' copies lapse within <see cref="Lifetime"/>.
/// </summary>
public sealed class VerifiedLeadCodes(TimeProvider time)
{
    /// <summary>How long a check stands: the longest a revoked code still works on a node that did not revoke it.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (string SiteId, long CheckedAt)> _codes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _revokedAt = new(StringComparer.Ordinal);
    private long _sweptAt = time.GetTimestamp();

    /// <summary>When a check starts: hand it back to <see cref="Passed"/>.</summary>
    public long Now() => time.GetTimestamp();

    /// <summary>Whether this code of this site passed a check within <see cref="Lifetime"/>.</summary>
    public bool Holds(string codeHash, string siteId) =>
        _codes.TryGetValue(codeHash, out var code)
        && code.SiteId == siteId
        && time.GetElapsedTime(code.CheckedAt) < Lifetime

        // A check that began before its site's codes were last revoked stands for nothing, however it raced the sweep.
        && !(_revokedAt.TryGetValue(siteId, out var revoked) && revoked >= code.CheckedAt);

    /// <summary>Keeps a code that passed the check started at <paramref name="startedAt"/>.</summary>
    public void Passed(string codeHash, string siteId, long startedAt)
    {
        _codes[codeHash] = (siteId, startedAt);
        SweepNowAndThen();
    }

    /// <summary>The site's codes were revoked through this node.</summary>
    public void Revoked(string siteId)
    {
        _revokedAt[siteId] = time.GetTimestamp();
        foreach (var (hash, code) in _codes)
        {
            if (code.SiteId == siteId)
            {
                _codes.TryRemove(hash, out _);
            }
        }
    }

    /// <summary>Lapsed codes go once a lifetime, so codes revoked through other nodes do not pile up over the days.</summary>
    private void SweepNowAndThen()
    {
        var swept = Interlocked.Read(ref _sweptAt);
        if (time.GetElapsedTime(swept) < Lifetime || Interlocked.CompareExchange(ref _sweptAt, time.GetTimestamp(), swept) != swept)
        {
            return;
        }

        foreach (var (hash, code) in _codes)
        {
            if (time.GetElapsedTime(code.CheckedAt) >= Lifetime)
            {
                _codes.TryRemove(hash, out _);
            }
        }
    }
}
