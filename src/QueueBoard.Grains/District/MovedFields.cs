using System.Collections.Immutable;
using QueueBoard.Abstractions.Model;

namespace QueueBoard.Grains.District;

/// <summary>
/// Which of each board row's moving fields (<see cref="BoardRowFields"/>) changed since the district grain last pushed the
/// row, so phones can be sent only those. A field that changed and changed back within one push window still counts:
/// a phone that read the board in between (its first snapshot, a page load) holds the value in between. A row not
/// pushed by this activation, or whose push failed, counts every field; a district that moves to another node starts
/// with whole rows.
/// </summary>
public sealed class MovedFields
{
    private readonly Dictionary<string, int> _moved = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pushed = new(StringComparer.Ordinal);

    /// <summary>Notes a new version of a row.</summary>
    public void Changed(SiteSummary? before, SiteSummary after)
    {
        if (before is not null && _pushed.Contains(after.Id))
        {
            _moved[after.Id] = _moved.GetValueOrDefault(after.Id) | BoardRowFields.Changed(before, after);
        }
    }

    /// <summary>The rows' moved fields for the push about to be made, after which they count from nothing again.</summary>
    public ImmutableArray<int> Take(ImmutableArray<SiteSummary> rows)
    {
        var masks = rows.Select(row => _pushed.Add(row.Id) ? BoardRowFields.All : _moved.GetValueOrDefault(row.Id)).ToImmutableArray();
        foreach (var row in rows)
        {
            _moved.Remove(row.Id);
        }

        return masks;
    }

    /// <summary>Watchers missed these rows' push: the next one carries them whole.</summary>
    public void Forget(string id)
    {
        _pushed.Remove(id);
        _moved.Remove(id);
    }
}
