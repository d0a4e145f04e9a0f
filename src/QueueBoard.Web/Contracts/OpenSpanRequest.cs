namespace QueueBoard.Web.Contracts;

/// <summary>One span of opening hours as sent: local <c>HH:mm</c> times, <c>to</c> may be <c>24:00</c>.</summary>
public sealed record OpenSpanRequest(string? From, string? To);
