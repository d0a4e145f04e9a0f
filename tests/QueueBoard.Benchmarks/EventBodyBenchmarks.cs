using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using QueueBoard.Web.Contracts;
using QueueBoard.Web.Json;

namespace QueueBoard.Benchmarks;

/// <summary>
/// What reading a lead's post costs before any grain is called: a single-event body and a full batch of 100, read with
/// QueueBoard's JSON options, which refuse a name given twice, against the same options letting it pass (the framework's
/// default), so that the check's price on the single-event path is a ratio in one run.
/// </summary>
[MemoryDiagnoser]
public class EventBodyBenchmarks
{
    private JsonSerializerOptions _strict = null!;
    private JsonSerializerOptions _lenient = null!;
    private byte[] _body = null!;

    [Params(1, 100)]
    public int Events { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _strict = new JsonSerializerOptions();
        QueueBoardJson.Configure(_strict);
        _lenient = new JsonSerializerOptions(_strict) { AllowDuplicateProperties = true };
        var events = Enumerable.Range(0, Events).Select(i =>
            $$"""{"id":"{{Guid.NewGuid()}}","lane":"{{(i % 6) + 1}}","type":"arrived","count":1,"at":"2026-12-08T02:00:00Z"}""");
        _body = Encoding.UTF8.GetBytes($$"""{"events":[{{string.Join(",", events)}}]}""");
    }

    [Benchmark(Baseline = true, Description = "names given twice let pass")]
    public EventBatchRequest? Lenient() => JsonSerializer.Deserialize<EventBatchRequest>(_body, _lenient);

    [Benchmark(Description = "names given twice refused")]
    public EventBatchRequest? Strict() => JsonSerializer.Deserialize<EventBatchRequest>(_body, _strict);
}
