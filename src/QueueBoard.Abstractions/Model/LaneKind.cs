namespace QueueBoard.Abstractions.Model;

/// <summary>What kind of people a lane serves; set in a site's configuration and shown on every screen.</summary>
public enum LaneKind
{
    /// <summary>An ordinary numbered lane.</summary>
    Standard,

    /// <summary>A green lane (绿色通道) for the elderly, children and people with disabilities.</summary>
    Green,
}
