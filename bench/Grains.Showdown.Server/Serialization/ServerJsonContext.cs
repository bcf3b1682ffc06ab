using System.Text.Json;
using System.Text.Json.Serialization;
using Grains.Showdown.Server.Store;

namespace Grains.Showdown.Server.Serialization;

/// <summary>Source-generated JSON for the server's own types; the API's bodies are the gateway's and the shop's types.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(IReadOnlyList<StoredLine>))]
[JsonSerializable(typeof(ServerStats))]
public sealed partial class ServerJsonContext : JsonSerializerContext;
