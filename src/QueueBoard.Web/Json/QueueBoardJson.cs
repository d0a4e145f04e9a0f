using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueueBoard.Web.Json;

/// <summary>
/// One JSON shape for the HTTP API and the hub: camelCase names and enum values, UTC instants. Reading is strict: property
/// names as the contract spells them and numbers as JSON numbers, so that a device sending <c>"Count": "5"</c> learns of
/// its mistake instead of having it guessed at, and each name once: with <c>"events"</c> twice, a proxy that checked the
/// first and QueueBoard that applied the last would each have seen a different batch.
/// </summary>
public static class QueueBoardJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
    }
}
