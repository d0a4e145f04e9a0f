namespace QueueBoard.Web.Validation;

/// <summary>What a history read asks for: the last <see cref="Minutes"/> minutes, or one local <see cref="Date"/>.</summary>
public sealed record HistoryRequest(int? Minutes, DateOnly? Date);
