namespace QueueBoard.Load;

/// <summary>A baseline push: when the bare server sent it (UTC ticks) and padding to QueueBoard's push size.</summary>
public sealed record BarePush(long SentAt, string Pad);
