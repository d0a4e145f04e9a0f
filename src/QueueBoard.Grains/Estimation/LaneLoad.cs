namespace QueueBoard.Grains.Estimation;

/// <summary>
/// The serving that stands before a person joining a lane, from <see cref="WaitEstimator.Load"/>: people ahead, the
/// lane's pace in people per minute, and the relative spread of the wait they make. Lanes that people move between are
/// summed into one pool by <see cref="Sites.SitePictureBuilder"/>.
/// </summary>
public sealed record LaneLoad(double Ahead, double PerMinute, double Spread);
