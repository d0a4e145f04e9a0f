namespace QueueBoard.Abstractions.Model;

/// <summary>
/// How right a site's posted waits have been today, measured by the site grain from counts alone (with first come, first
/// served the n-th arrival in a lane is its n-th serve): part of <see cref="SiteDetail"/>, shown on the resident site view
/// and the wall. <see cref="WithinMinutes"/> is the error that 8 in 10 measured people stayed within.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record EstimateAccuracy(
    [property: Id(0)] int Measured,
    [property: Id(1)] int WithinMinutes,
    [property: Id(2)] double MeanErrorMinutes,
    [property: Id(3)] double BiasMinutes);
