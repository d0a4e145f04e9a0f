namespace QueueBoard.Abstractions.Model;

/// <summary>How urgently the command centre should act on an <see cref="Alert"/>.</summary>
public enum AlertSeverity
{
    /// <summary>Worth knowing.</summary>
    Info,

    /// <summary>Worth acting on soon.</summary>
    Warning,

    /// <summary>Act now.</summary>
    Critical,
}
