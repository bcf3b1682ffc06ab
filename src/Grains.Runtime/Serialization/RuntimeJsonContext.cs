using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grains.Runtime.Serialization;

[JsonSerializable(typeof(WireError))]
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
internal sealed partial class RuntimeJsonContext : JsonSerializerContext;
