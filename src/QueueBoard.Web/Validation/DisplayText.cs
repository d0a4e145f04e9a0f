using System.Buffers;
using System.Globalization;
using System.Text;

namespace QueueBoard.Web.Validation;

/// <summary>
/// What a name shown on wall screens and phones may contain: no control characters, no line or paragraph separators, no
/// invisible format characters (bidirectional controls among them), which could make a screen show text in an order
/// other than the one typed (U+202E turns "1号通道" into something that reads like another lane) or make two lanes'
/// names look alike, and no letters that draw nothing (the Hangul fillers, the blank Braille cell). Characters beyond
/// the first 65,536 are judged whole, not by their surrogate halves. The zero-width joiner stays, since emoji are built
/// with it. Unpaired surrogates are refused too.
/// </summary>
public static class DisplayText
{
    public const string Rule = "no control characters, line breaks, invisible or bidirectional-text controls";

    public static bool IsSafe(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out var rune, out var used) != OperationStatus.Done || IsHidden(rune))
            {
                return false;
            }

            rest = rest[used..];
        }

        return true;
    }

    // Format characters (bidi marks, embeddings, overrides and isolates, zero-width spaces, BOM, the tag characters and
    // the musical formatting marks beyond the first plane) and line and paragraph separators; the zero-width joiner is the
    // one format character text needs. The fillers are letters and the Braille cell a symbol by category, yet show blank.
    private static bool IsHidden(Rune rune) => rune.Value switch
    {
        0x200D => false,
        0x115F or 0x1160 or 0x3164 or 0xFFA0 or 0x2800 => true,
        _ => Rune.IsControl(rune) || Rune.GetUnicodeCategory(rune) is
            UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator,
    };
}
