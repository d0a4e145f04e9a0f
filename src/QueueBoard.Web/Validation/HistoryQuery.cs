using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using QueueBoard.Web.Problems;

namespace QueueBoard.Web.Validation;

/// <summary>
/// The history endpoints' query: <c>?minutes=N</c> (1..1440, default 120) or <c>?date=YYYY-MM-DD</c> for one of the last
/// 7 local days; anything else is a 400 naming the parameter.
/// </summary>
public static class HistoryQuery
{
    public const int DefaultMinutes = 120;
    public const int MaximumMinutes = 1440;

    /// <summary>How many local days back a date may be: today and the 6 before it.</summary>
    public const int DaysKept = 7;

    public static (HistoryRequest? Request, ProblemHttpResult? Problem) Parse(string? minutes, string? date, DateOnly today)
    {
        if (minutes is not null && date is not null)
        {
            return (null, ApiProblems.Invalid("Ask for minutes or a date, not both.", new() { ["date"] = ["Give either minutes or date."] }));
        }

        if (date is not null)
        {
            return Day(date, today) is { } day ? (new HistoryRequest(null, day), null) : (null, BadDate(today));
        }

        return QueryNumber.Parse(minutes, DefaultMinutes, 1, MaximumMinutes) is { } span
            ? (new HistoryRequest(span, null), null)
            : (null, ApiProblems.Invalid("The history span is not valid.", new()
            {
                ["minutes"] = [$"Give a whole number of minutes from 1 to {MaximumMinutes}."],
            }));
    }

    public static ProblemHttpResult BadDate(DateOnly today) => ApiProblems.Invalid("The date is not valid.", new()
    {
        ["date"] = [$"Give a date as YYYY-MM-DD, from {today.AddDays(1 - DaysKept):yyyy-MM-dd} to {today:yyyy-MM-dd} (the district's days)."],
    });

    /// <summary>A report's day: <paramref name="date"/> when it is one of the kept days, today when absent, else null.</summary>
    public static DateOnly? Day(string? date, DateOnly today)
    {
        if (date is null)
        {
            return today;
        }

        return DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            && day <= today && day > today.AddDays(-DaysKept)
            ? day
            : null;
    }
}
