using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using QueueBoard.Abstractions.Model;
using QueueBoard.Grains.Estimation;
using QueueBoard.Grains.Sites;
using QueueBoard.Web.Json;

namespace QueueBoard.Benchmarks;

/// <summary>
/// What a site grain computes for every batch and every push: the site picture from its lanes' readings (every lane's
/// wait and range, the best lane, the board row), one lane's wait on its own, and the JSON of what is pushed. Priced
/// against serialising one board row, which every board push does for every changed site anyway.
/// </summary>
[MemoryDiagnoser]
public class SitePictureBenchmarks
{
    private BenchmarkSilo _silo = null!;
    private SitePictureBuilder _pictures = null!;
    private WaitEstimator _estimator = null!;
    private Dictionary<string, LaneReading> _readings = null!;
    private SiteDetail _detail = null!;
    private JsonSerializerOptions _json = null!;

    [Params(6, 30)]
    public int Lanes { get; set; }

    [GlobalSetup]
    public async Task SetupAsync()
    {
        _silo = await BenchmarkSilo.StartAsync(Lanes);
        _pictures = _silo.Services.GetRequiredService<SitePictureBuilder>();
        _estimator = _silo.Services.GetRequiredService<WaitEstimator>();
        _readings = await _silo.ReadLanesAsync();
        _json = new JsonSerializerOptions();
        QueueBoardJson.Configure(_json);
        _detail = Picture();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _silo.DisposeAsync();

    [Benchmark(Baseline = true, Description = "board row as JSON")]
    public byte[] BoardRowJson() => JsonSerializer.SerializeToUtf8Bytes(_detail.ToSummary(), _json);

    [Benchmark(Description = "site picture")]
    public SiteDetail Picture() => _pictures.Build(_silo.SiteId, _silo.Config, _readings, DateTimeOffset.UtcNow);

    [Benchmark(Description = "one lane's wait")]
    public WaitEstimate LaneWait() => _estimator.Estimate(_readings["1"], withinHours: true, []);

    [Benchmark(Description = "site push as JSON")]
    public byte[] SitePushJson() => JsonSerializer.SerializeToUtf8Bytes(_detail, _json);
}
