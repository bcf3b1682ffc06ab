using System.Text.Json;
using System.Text.Json.Serialization;
using Grains.Hosting.Cluster;
using Grains.Hosting.Sessions;

namespace Grains.Hosting.Serialization;

/// <summary>Source-generated JSON for what silos publish in Redis for gateways to read, and for session tokens' payload.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SiloHttpEndpoint))]
[JsonSerializable(typeof(SessionToken))]
public sealed partial class HostingJsonContext : JsonSerializerContext;
