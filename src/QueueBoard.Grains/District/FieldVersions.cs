using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.District;

/// <summary>
/// The board version at which each field that can change (<see cref="BoardRowFields"/>) of each row last changed, kept by the
/// district grain so that it can tell any reader exactly which fields moved after a version the reader holds: the phones'
/// pushes (after the last push) and a phone's watch (after the board it read over HTTP, or the last push it took before
/// its connection dropped). A field that changed and changed back counts: a reader may hold the value in between.
/// One number per field a site, for the activation's life; a district that moves to another node starts from whole rows.
/// </summary>
public sealed class FieldVersions
{
    private readonly Dictionary<string, long[]> _rows = new(StringComparer.Ordinal);

    /// <summary>Notes a new version of a row, taken at board version <paramref name="version"/>.</summary>
    public void Changed(SiteSummary? before, SiteSummary after, long version)
    {
        var mask = before is null ? BoardRowFields.All : BoardRowFields.Changed(before, after);
        if (!_rows.TryGetValue(after.Id, out var versions))
        {
            versions = new long[BoardRowFields.Names.Length];
            _rows[after.Id] = versions;
            mask = BoardRowFields.All;
        }

        for (var i = 0; i < versions.Length; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                versions[i] = version;
            }
        }
    }

    /// <summary>
    /// Counts every field of the row as changed at <paramref name="version"/>: watchers missed a push of it, and one who
    /// took the push after it and names that version later must still get what the missed one carried.
    /// </summary>
    public void Missed(string id, long version)
    {
        if (_rows.TryGetValue(id, out var versions))
        {
            Array.Fill(versions, version);
        }
    }

    /// <summary>The bits of the row's fields that changed after <paramref name="version"/>; all of them for a row not seen.</summary>
    public int Since(string id, long version)
    {
        if (!_rows.TryGetValue(id, out var versions))
        {
            return BoardRowFields.All;
        }

        var mask = 0;
        for (var i = 0; i < versions.Length; i++)
        {
            if (versions[i] > version)
            {
                mask |= 1 << i;
            }
        }

        return mask;
    }
}
