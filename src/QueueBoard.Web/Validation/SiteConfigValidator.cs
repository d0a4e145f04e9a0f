using System.Collections.Immutable;
using System.Globalization;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Contracts;

namespace QueueBoard.Web.Validation;

/// <summary>Checks a site configuration as sent and turns it into the grains' <see cref="SiteConfig"/>.</summary>
public static class SiteConfigValidator
{
    public const int MaximumLanes = 64;
    public const int MaximumSpans = 12;
    public const int MaximumNameLength = 100;

    public static SiteConfig? Validate(SiteConfigRequest request, ValidationErrors errors)
    {
        var name = Text(request.Name, "name", required: true, errors);
        var nameEn = Text(request.NameEn, "nameEn", required: false, errors);
        var area = Text(request.Area, "area", required: true, errors);
        if (request.Latitude is not (>= -90 and <= 90))
        {
            errors.Add("latitude", "Give the latitude in degrees, from -90 to 90.");
        }

        if (request.Longitude is not (>= -180 and <= 180))
        {
            errors.Add("longitude", "Give the longitude in degrees, from -180 to 180.");
        }

        // No opening hours means open around the clock, as most mass-testing sites were.
        var spans = Spans(request.OpenHours, "openHours", [OpenSpan.AllDay], errors);
        var breaks = Spans(request.Breaks, "breaks", [], errors);
        var lanes = Lanes(request.Lanes, errors);
        return errors.Any
            ? null
            : new SiteConfig(name!, nameEn, area!, request.Latitude!.Value, request.Longitude!.Value, spans, lanes) { Breaks = breaks };
    }

    private static string? Text(string? value, string field, bool required, ValidationErrors errors)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            if (required)
            {
                errors.Add(field, "Required.");
            }

            return null;
        }

        if (trimmed.Length > MaximumNameLength)
        {
            errors.Add(field, $"At most {MaximumNameLength} characters.");
        }

        if (!DisplayText.IsSafe(trimmed))
        {
            errors.Add(field, $"Use plain text: {DisplayText.Rule}.");
        }

        return trimmed;
    }

    private static ImmutableArray<OpenSpan> Spans(
        IReadOnlyList<OpenSpanRequest?>? spans, string field, ImmutableArray<OpenSpan> whenNone, ValidationErrors errors)
    {
        if (spans is null || spans.Count == 0)
        {
            return whenNone;
        }

        if (spans.Count > MaximumSpans)
        {
            errors.Add(field, $"At most {MaximumSpans} spans.");
            return [];
        }

        var result = ImmutableArray.CreateBuilder<OpenSpan>();
        for (var i = 0; i < spans.Count; i++)
        {
            var from = Minute(spans[i]?.From, allowMidnightEnd: false);
            var to = Minute(spans[i]?.To, allowMidnightEnd: true);
            if (from is null)
            {
                errors.Add($"{field}[{i}].from", "Give a local time as HH:mm, from 00:00 to 23:59.");
            }

            if (to is null)
            {
                errors.Add($"{field}[{i}].to", "Give a local time as HH:mm, from 00:00 to 24:00.");
            }
            else if (from == to)
            {
                errors.Add($"{field}[{i}].to", "A span must not end when it starts.");
            }

            if (from is not null && to is not null && from != to)
            {
                result.Add(new OpenSpan(from.Value, to.Value));
            }
        }

        return result.ToImmutable();
    }

    private static int? Minute(string? text, bool allowMidnightEnd)
    {
        if (text is "24:00")
        {
            return allowMidnightEnd ? 24 * 60 : null;
        }

        return TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? (time.Hour * 60) + time.Minute
            : null;
    }

    private static ImmutableArray<LaneConfig> Lanes(IReadOnlyList<LaneConfigRequest?>? lanes, ValidationErrors errors)
    {
        if (lanes is null || lanes.Count == 0 || lanes.Count > MaximumLanes)
        {
            errors.Add("lanes", $"Give 1 to {MaximumLanes} lanes.");
            return [];
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var result = ImmutableArray.CreateBuilder<LaneConfig>();
        for (var i = 0; i < lanes.Count; i++)
        {
            var lane = lanes[i];
            if (!Identifiers.IsValid(lane?.Id))
            {
                errors.Add($"lanes[{i}].id", $"A lane id is {Identifiers.Rule}.");
            }
            else if (!ids.Add(lane!.Id!))
            {
                errors.Add($"lanes[{i}].id", $"Lane id '{lane.Id}' is used twice.");
            }

            var name = Text(lane?.Name, $"lanes[{i}].name", required: true, errors);
            LaneKind? kind = lane?.Kind switch
            {
                "standard" => LaneKind.Standard,
                "green" => LaneKind.Green,
                _ => null,
            };
            if (kind is null)
            {
                errors.Add($"lanes[{i}].kind", "Use 'standard' or 'green'.");
            }

            var breaks = Spans(lane?.Breaks, $"lanes[{i}].breaks", [], errors);
            if (lane?.Id is not null && name is not null && kind is not null)
            {
                result.Add(new LaneConfig(lane.Id, name, kind.Value) { Breaks = breaks });
            }
        }

        return result.ToImmutable();
    }
}
