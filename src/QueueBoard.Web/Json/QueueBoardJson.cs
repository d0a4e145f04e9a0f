using System.Text.Json;
using System.Text.Json.Serialization;

namespace QueueBoard.Web.Json;

/// <summary>One JSON shape for the HTTP API and the hub: camelCase names and enum values, UTC instants.</summary>
public static class QueueBoardJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new UtcDateTimeOffsetConverter());
    }
}
