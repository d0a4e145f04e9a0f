using System.Globalization;
using System.Text;

namespace QueueBoard.Accuracy;

/// <summary>Prints the scenario table as Markdown, the form docs/ESTIMATION.md quotes it in.</summary>
public static class AccuracyReport
{
    public static string Table(IEnumerable<ScenarioSummary> summaries)
    {
        var text = new StringBuilder();
        text.AppendLine("| scenario | people | mean wait | error | bias | range held | naive: configured | naive: last 15 min | gain | M/G/c | site's own measure | targets |");
        text.AppendLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var s in summaries)
        {
            var missed = AccuracyTargets.Missed(s);
            text.AppendLine(CultureInfo.InvariantCulture, $"| {s.Scenario.Name} | {s.People} | {s.MeanActual:0.0} min | {s.MeanAbsoluteError:0.0} min ({s.ErrorShare:P0}) | {s.BiasShare:+0%;-0%;0%} | {s.RangeHitRate:P0} | {s.NaiveConfiguredError:0.0} min | {s.NaiveRecentError:0.0} min | {s.GainOverNaive:P0} | {(s.ErlangDeviation is { } d ? d.ToString("+0%;-0%;0%", CultureInfo.InvariantCulture) : "")} | {(s.SelfMeasuredError is { } m ? $"{m:0.0} min" : "")} | {(missed.Count == 0 ? "met" : string.Join("; ", missed))} |");
        }

        return text.ToString();
    }
}
