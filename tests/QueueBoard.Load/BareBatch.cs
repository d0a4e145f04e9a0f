using System.Text.Json;

namespace QueueBoard.Load;

/// <summary>The event batch body as baseline (a) reads it: the same JSON QueueBoard receives, events kept as raw JSON.</summary>
public sealed record BareBatch(JsonElement[]? Events);
