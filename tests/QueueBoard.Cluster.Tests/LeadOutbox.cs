using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using QueueBoard.Testing;

namespace QueueBoard.Cluster.Tests;

/// <summary>
/// What a lead's phone outbox does against a cluster: each batch (lane 1: one arrival and one served; lane 2: one arrival)
/// carries fresh event ids and is sent again, with the same ids, to the next node until one acknowledges it. Counts the
/// batches acknowledged, the failed attempts and every answer seen, so a test can compare what the cluster holds with
/// what it promised.
/// </summary>
public sealed class LeadOutbox(string siteId, IReadOnlyList<NodeProcess> nodes, string token)
{
    private readonly List<HttpStatusCode> _answers = [];
    private int _node;

    /// <summary>Attempts that got no 200 (an error answer or none at all) and were sent again.</summary>
    public int Failures { get; private set; }

    /// <summary>Events a node reported as duplicates: sent again after a failure that had in fact stored them.</summary>
    public int Duplicates { get; private set; }

    public int Batches { get; private set; }

    public IReadOnlyList<HttpStatusCode> Answers => _answers;

    /// <summary>The node the next batch goes to first.</summary>
    public int PreferredNode
    {
        get => _node;
        set => _node = value;
    }

    /// <summary>Sends one batch until a node acknowledges it.</summary>
    public async Task SendOneAsync(CancellationToken cancellationToken)
    {
        var events = new[]
        {
            new { id = Guid.NewGuid(), lane = "1", type = "arrived", count = 1 },
            new { id = Guid.NewGuid(), lane = "2", type = "arrived", count = 1 },
            new { id = Guid.NewGuid(), lane = "1", type = "served", count = 1 },
        };
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var client = nodes[_node].WithToken(token);
            client.Timeout = TimeSpan.FromSeconds(45);
            try
            {
                using var response = await client.PostAsJsonAsync($"/api/v1/sites/{siteId}/events", new { events }, cancellationToken);
                lock (_answers)
                {
                    _answers.Add(response.StatusCode);
                }

                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!;
                    Duplicates += body["duplicates"]!.GetValue<int>();
                    Batches++;
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException && !cancellationToken.IsCancellationRequested)
            {
                // The node is gone or did not answer: the phone keeps the batch and tries elsewhere.
            }

            Failures++;
            _node = (_node + 1) % nodes.Count;
            await Task.Delay(200, cancellationToken);
        }
    }

    /// <summary>
    /// Sends batches one after another until <paramref name="stop"/> is cancelled. A batch under way is always finished
    /// (a batch given up half-sent might be stored without being counted); <paramref name="abort"/> ends it anyway.
    /// </summary>
    public async Task RunAsync(CancellationToken stop, CancellationToken abort)
    {
        while (!stop.IsCancellationRequested)
        {
            await SendOneAsync(abort);
        }
    }

    public bool Saw(HttpStatusCode status)
    {
        lock (_answers)
        {
            return _answers.Contains(status);
        }
    }
}
