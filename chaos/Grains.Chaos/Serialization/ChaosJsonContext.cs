using System.Text.Json;
using System.Text.Json.Serialization;
using Grains.Chaos.Reporting;
using Grains.Chaos.Workload;

namespace Grains.Chaos.Serialization;

/// <summary>Source-generated JSON for the gateway's bodies, the history and the report.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true, WriteIndented = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateSessionBody))]
[JsonSerializable(typeof(SessionView))]
[JsonSerializable(typeof(AddItemBody))]
[JsonSerializable(typeof(CartView))]
[JsonSerializable(typeof(OrderView))]
[JsonSerializable(typeof(OrderListView))]
[JsonSerializable(typeof(IReadOnlyList<ProductView>))]
[JsonSerializable(typeof(HistoryEvent))]
[JsonSerializable(typeof(ChaosReport))]
public sealed partial class ChaosJsonContext : JsonSerializerContext;
