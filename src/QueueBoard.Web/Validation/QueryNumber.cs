using System.Globalization;

namespace QueueBoard.Web.Validation;

/// <summary>
/// A whole-number query parameter (<c>?minutes=</c>, <c>?limit=</c>): digits only, within its bounds, or the default when
/// absent; anything else is null, which the endpoint answers with a 400 naming the parameter.
/// </summary>
public static class QueryNumber
{
    public static int? Parse(string? value, int fallback, int minimum, int maximum) =>
        value is null ? fallback
        : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= minimum && number <= maximum ? number
        : null;
}
