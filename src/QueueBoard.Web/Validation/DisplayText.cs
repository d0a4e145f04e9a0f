namespace QueueBoard.Web.Validation;

/// <summary>
/// What a name shown on wall screens and phones may contain: no control characters (line breaks included) and no
/// bidirectional controls, which could make a screen show text in an order other than the one typed (U+202E turns
/// "1号通道" into something that reads like another lane). Unpaired surrogates are refused too.
/// </summary>
public static class DisplayText
{
    public const string Rule = "no control characters, line breaks or bidirectional-text controls";

    public static bool IsSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || IsBidiControl(c))
            {
                return false;
            }

            if (char.IsSurrogate(c))
            {
                if (!char.IsHighSurrogate(c) || i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
        }

        return true;
    }

    // LRM, RLM, ALM, the embeddings and overrides (LRE..RLO), and the isolates (LRI..PDI).
    private static bool IsBidiControl(char c) =>
        c is '\u200E' or '\u200F' or '\u061C' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');
}
