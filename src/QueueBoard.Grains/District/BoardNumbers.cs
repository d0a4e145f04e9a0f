namespace QueueBoard.Grains.District;

/// <summary>
/// The district's numbering of its sites, for the phones' packed board feed: each site gets the next number the first time
/// the district hears of it in this activation, and keeps it for the activation's life (sites are never removed). The
/// board is read in number order, so a phone knows every number from the rows' order in the board it read; a row numbered
/// later is new after any version the phone holds, so it goes with every field and its id. Another activation numbers
/// afresh, and its versions name another epoch, after which a phone takes every row whole again.
/// </summary>
public sealed class BoardNumbers
{
    private readonly Dictionary<string, int> _numbers = new(StringComparer.Ordinal);
    private readonly List<string> _ids = [];

    /// <summary>The site ids in number order.</summary>
    public IReadOnlyList<string> Ids => _ids;

    /// <summary>The site's number, given now if it has none.</summary>
    public int Of(string id)
    {
        if (!_numbers.TryGetValue(id, out var number))
        {
            number = _ids.Count;
            _numbers[id] = number;
            _ids.Add(id);
        }

        return number;
    }
}
