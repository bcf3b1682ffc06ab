using System.Globalization;
using StackExchange.Redis;

namespace Grains.Showdown.Measuring;

/// <summary>
/// The run's Redis as an observer sees it: commands executed so far (INFO commandstats, which also counts the commands
/// a Lua script runs), the server's process id, and a way to empty it between architectures.
/// </summary>
internal sealed class RedisCounters(IConnectionMultiplexer redis) : IAsyncDisposable
{
    /// <summary>This observer's own INFO calls are not the architecture's.</summary>
    private const string OwnCommand = "cmdstat_info:";

    private IServer Server => redis.GetServers()[0];

    public static async Task<RedisCounters> ConnectAsync(string connectionString) =>
        new(await ConnectionMultiplexer.ConnectAsync($"{connectionString},allowAdmin=true"));

    public async Task<long> CommandsAsync()
    {
        var info = await Server.InfoRawAsync("commandstats") ?? string.Empty;
        var total = 0L;
        foreach (var line in info.Split('\n', StringSplitOptions.TrimEntries))
        {
            if (!line.StartsWith("cmdstat_", StringComparison.Ordinal) || line.StartsWith(OwnCommand, StringComparison.Ordinal))
            {
                continue;
            }

            var calls = line.IndexOf("calls=", StringComparison.Ordinal) + "calls=".Length;
            var end = line.IndexOf(',', calls);
            total += long.Parse(line.AsSpan(calls, (end < 0 ? line.Length : end) - calls), CultureInfo.InvariantCulture);
        }

        return total;
    }

    public async Task<int> ProcessIdAsync()
    {
        var info = await Server.InfoRawAsync("server") ?? string.Empty;
        var line = info.Split('\n', StringSplitOptions.TrimEntries).First(l => l.StartsWith("process_id:", StringComparison.Ordinal));
        return int.Parse(line["process_id:".Length..], CultureInfo.InvariantCulture);
    }

    public Task FlushAsync() => Server.FlushAllDatabasesAsync();

    public async ValueTask DisposeAsync() => await redis.DisposeAsync();
}
