using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.Serialization;

namespace QueueBoard.Cluster.Tests;

/// <summary>Reads every document of a YAML file (a Kubernetes manifest) into JSON nodes, which tests navigate easily.</summary>
public static class YamlDocuments
{
    public static List<JsonObject> Load(string path)
    {
        var deserializer = new DeserializerBuilder().Build();
        var json = new SerializerBuilder().JsonCompatible().Build();
        var parser = new Parser(new StringReader(File.ReadAllText(path)));
        parser.Consume<StreamStart>();
        var documents = new List<JsonObject>();
        while (parser.Accept<DocumentStart>(out _))
        {
            if (deserializer.Deserialize(parser) is { } document)
            {
                documents.Add(JsonNode.Parse(json.Serialize(document))!.AsObject());
            }
        }

        return documents;
    }
}
