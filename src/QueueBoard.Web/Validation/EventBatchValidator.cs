using System.Collections.Immutable;
using System.Globalization;
using System.Text.RegularExpressions;
using QueueBoard.Abstractions.Model;
using QueueBoard.Web.Contracts;

namespace QueueBoard.Web.Validation;

/// <summary>
/// Checks a batch of lane events as sent and turns it into the grains' <see cref="LaneEvent"/>s. Every event is checked,
/// duplicates included, so that one bad event rejects the batch with all its faults named at once.
/// </summary>
public sealed partial class EventBatchValidator(TimeProvider time)
{
    public const int MaximumEvents = 1000;
    public const int MaximumFlowCount = 1000;
    public const int MaximumHeadCount = LaneLimits.MaximumQueue;
    public static readonly TimeSpan OldestAccepted = TimeSpan.FromHours(24);
    public static readonly TimeSpan FurthestAhead = TimeSpan.FromMinutes(2);

    public ImmutableArray<LaneEvent> Validate(EventBatchRequest request, ValidationErrors errors)
    {
        var events = request.Events;
        if (events is null || events.Count == 0 || events.Count > MaximumEvents)
        {
            errors.Add("events", $"Send 1 to {MaximumEvents} events.");
            return [];
        }

        var now = time.GetUtcNow();
        var result = ImmutableArray.CreateBuilder<LaneEvent>(events.Count);
        for (var i = 0; i < events.Count; i++)
        {
            var parsed = ValidateOne(events[i], $"events[{i}]", now, errors);
            if (parsed is not null)
            {
                result.Add(parsed);
            }
        }

        return errors.Any ? [] : result.MoveToImmutable();
    }

    private static LaneEvent? ValidateOne(LaneEventRequest? e, string prefix, DateTimeOffset now, ValidationErrors errors)
    {
        if (e is null)
        {
            errors.Add(prefix, "An event is an object with lane and type.");
            return null;
        }

        var before = errors.Count;
        Guid? id = null;
        if (e.Id is not null)
        {
            // The contract's form alone: braces, hex blocks or padding (which parsing trims) would make one id look like two
            // to a client that compares them as text.
            if (e.Id.Length == 36 && Guid.TryParseExact(e.Id, "D", out var parsedId))
            {
                id = parsedId;
            }
            else
            {
                errors.Add($"{prefix}.id", "An event id is a UUID, such as 0b9c1f6e-2d4a-4f3b-9c1a-7e2f5d8b6a10.");
            }
        }

        if (!Identifiers.IsValid(e.Lane))
        {
            errors.Add($"{prefix}.lane", $"A lane id is {Identifiers.Rule}.");
        }

        var type = ParseType(e.Type);
        LaneStatus? status = null;
        switch (type)
        {
            case null:
                errors.Add($"{prefix}.type", "Use 'arrived', 'served', 'queue' or 'status'.");
                break;
            case LaneEventType.Arrived or LaneEventType.Served when e.Count is not (>= 1 and <= MaximumFlowCount):
                // ParseType takes only the contract's words, so e.Type is one; the lead console matches "count is…".
                errors.Add($"{prefix}.count", $"For '{e.Type}', the count is a whole number from 1 to {MaximumFlowCount}.");
                break;
            case LaneEventType.Queue when e.Count is not (>= 0 and <= MaximumHeadCount):
                errors.Add($"{prefix}.count", $"A head count is a whole number from 0 to {MaximumHeadCount}.");
                break;
            case LaneEventType.Status:
                status = ParseStatus(e.Status);
                if (status is null)
                {
                    errors.Add($"{prefix}.status", "Use 'open', 'paused' or 'closed'.");
                }

                break;
        }

        var at = now;
        if (e.At is not null && !TryParseInstant(e.At, out at))
        {
            errors.Add($"{prefix}.at", "Give the time as ISO-8601 with its offset, such as 2026-11-29T08:00:00Z or 2026-11-29T16:00:00+08:00.");
        }
        else if (at < now - OldestAccepted || at > now + FurthestAhead)
        {
            errors.Add($"{prefix}.at", "The time must lie within the last 24 hours and at most 2 minutes ahead; check the device clock.");
        }

        return errors.Count > before || type is null
            ? null
            : new LaneEvent(id, e.Lane!, type.Value, type == LaneEventType.Status ? 0 : e.Count!.Value, status, at.ToUniversalTime());
    }

    /// <summary>An instant without an offset would be read in the server's own zone, silently wrong: it must carry one.</summary>
    private static bool TryParseInstant(string text, out DateTimeOffset instant)
    {
        instant = default;
        return text.Length <= 40
            && WithOffset().IsMatch(text)
            && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out instant);
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,7})?)?(Z|z|[+-]\d{2}:?\d{2})\z", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex WithOffset();

    private static LaneEventType? ParseType(string? type) => type switch
    {
        "arrived" => LaneEventType.Arrived,
        "served" => LaneEventType.Served,
        "queue" => LaneEventType.Queue,
        "status" => LaneEventType.Status,
        _ => null,
    };

    private static LaneStatus? ParseStatus(string? status) => status switch
    {
        "open" => LaneStatus.Open,
        "paused" => LaneStatus.Paused,
        "closed" => LaneStatus.Closed,
        _ => null,
    };
}
