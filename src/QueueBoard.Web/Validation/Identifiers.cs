using System.Text.RegularExpressions;

namespace QueueBoard.Web.Validation;

/// <summary>The contract's id rule for sites and lanes: <c>^[a-z0-9][a-z0-9-]{0,63}$</c>.</summary>
public static partial class Identifiers
{
    public const string Rule = "lower-case letters, digits and '-', starting with a letter or digit, at most 64 characters";

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    // \z, not $: $ also matches before a final newline, which would let "1\n" through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9-]{0,63}\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex Pattern();
}
