using System.Text.Json;
using System.Text.Json.Serialization;

namespace Grains.Showdown.Reporting;

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, WriteIndented = true)]
[JsonSerializable(typeof(ShowdownReport))]
internal sealed partial class ShowdownJsonContext : JsonSerializerContext;
