using System.Text.Json;
using Grains.Chaos.Serialization;
using Grains.Chaos.Workload;

namespace Grains.Chaos.Reporting;

/// <summary>Writes a history as JSON lines, an invoke and a completion event per operation, in time order.</summary>
public static class HistoryFile
{
    public static async Task WriteAsync(string path, IReadOnlyList<Operation> operations)
    {
        ArgumentNullException.ThrowIfNull(operations);
        var compact = new JsonSerializerOptions(ChaosJsonContext.Default.Options) { WriteIndented = false };
        var context = new ChaosJsonContext(compact);
        await using var writer = new StreamWriter(path);
        foreach (var e in operations.SelectMany(HistoryEvent.Of).OrderBy(e => e.Time).ThenBy(e => e.Operation))
        {
            await writer.WriteLineAsync(JsonSerializer.Serialize(e, context.HistoryEvent));
        }
    }
}
