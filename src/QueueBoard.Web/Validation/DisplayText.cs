namespace QueueBoard.Web.Validation;

/// <summary>
/// What a name shown on wall screens and phones may contain: no control characters, no line or paragraph separators, and
/// no invisible format characters (bidirectional controls among them), which could make a screen show text in an order
/// other than the one typed (U+202E turns "1号通道" into something that reads like another lane) or make two lanes'
/// names look alike. The zero-width joiner stays, since emoji are built with it. Unpaired surrogates are refused too.
/// </summary>
public static class DisplayText
{
    public const string Rule = "no control characters, line breaks, invisible or bidirectional-text controls";

    public static bool IsSafe(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsControl(c) || IsInvisible(c))
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

    // Format characters (bidi marks, embeddings, overrides and isolates, zero-width spaces, BOM) and line and paragraph
    // separators; the zero-width joiner is the one format character text needs.
    private static bool IsInvisible(char c) => c != '\u200D' && char.GetUnicodeCategory(c) is
        System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.LineSeparator or System.Globalization.UnicodeCategory.ParagraphSeparator;
}
