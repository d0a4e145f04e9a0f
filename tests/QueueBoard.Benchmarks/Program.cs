using BenchmarkDotNet.Running;
using QueueBoard.Benchmarks;

// dotnet run -c Release --project tests/QueueBoard.Benchmarks -- [--quick] [BenchmarkDotNet options, e.g. --filter *Picture*]
var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToArray();
BenchmarkSwitcher.FromAssembly(typeof(BenchmarkConfig).Assembly)
    .Run(rest.Any(a => a.StartsWith("--filter", StringComparison.Ordinal)) ? rest : [.. rest, "--filter", "*"], BenchmarkConfig.For(quick));
