namespace QueueBoard.Abstractions.Model;

/// <summary>The wait as residents read it, after Shenzhen's 2022 site finder; derived from a site's wait in minutes.</summary>
public enum WaitBand
{
    /// <summary>畅通: under 25 minutes.</summary>
    Smooth,

    /// <summary>忙碌: 25 minutes or more.</summary>
    Busy,

    /// <summary>拥堵: 50 minutes or more.</summary>
    Crowded,

    /// <summary>已关闭: no open standard lane, or outside opening hours.</summary>
    Closed,
}
