using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grains.Gateway.Operators;

/// <summary>Source-generated JSON for the operator API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ClusterView))]
[JsonSerializable(typeof(List<GrainView>))]
[JsonSerializable(typeof(PlacementFrame))]
public sealed partial class OperatorJsonContext : JsonSerializerContext;
