using System.Diagnostics;
using System.Globalization;

namespace Grains.LocalCluster;

/// <summary>
/// Picks the store: the configured <c>Redis:ConnectionString</c>; else a <c>redis-server</c> found on the PATH; else
/// Garnet from the repository's dotnet tool manifest. A started server keeps an append-only file, so carts survive
/// a restart of the store as well as of any silo.
/// </summary>
public static class StoreLauncher
{
    private const string Host = "127.0.0.1";

    public static async Task<Store> StartAsync(string? configured, LocalClusterOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return new Store(configured, "the configured Redis", null);
        }

        var port = options.RedisPort.ToString(CultureInfo.InvariantCulture);
        var dataDirectory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"grains-local-cluster-{port}")).FullName;
        ChildProcess server;
        string description;
        if (FindOnPath("redis-server") is { } redisServer)
        {
            var startInfo = new ProcessStartInfo(redisServer) { WorkingDirectory = dataDirectory };
            foreach (var argument in new[] { "--port", port, "--bind", Host, "--dir", dataDirectory, "--appendonly", "yes", "--appendfsync", "everysec", "--save", "" })
            {
                startInfo.ArgumentList.Add(argument);
            }

            server = ChildProcess.Start("redis", startInfo);
            description = $"redis-server on {Host}:{port} (AOF, fsync every second; data in {dataDirectory})";
        }
        else
        {
            await RestoreToolsAsync(cancellationToken).ConfigureAwait(false);
            var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = BuildOutputs.RepositoryRoot };
            foreach (var argument in new[]
            {
                "tool", "run", "garnet-server", "--", "--port", port, "--bind", Host,
                // Transaction mode runs Lua scripts one at a time, which the providers' compare-and-set scripts need.
                "--lua", "--lua-transaction-mode", "--device-type", "RandomAccess",
                "--checkpointdir", dataDirectory, "--aof", "--aof-commit-wait", "--recover",
            })
            {
                startInfo.ArgumentList.Add(argument);
            }

            server = ChildProcess.Start("garnet", startInfo);
            description = $"Garnet on {Host}:{port} (AOF; data in {dataDirectory})";
        }

        try
        {
            await Readiness.WaitForRedisAsync(Host, options.RedisPort, options.StartTimeout, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await server.StopAsync(TimeSpan.FromSeconds(5)).ConfigureAwait(false);
            server.Dispose();
            throw;
        }

        return new Store($"{Host}:{port}", description, server);
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static async Task RestoreToolsAsync(CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo("dotnet") { WorkingDirectory = BuildOutputs.RepositoryRoot };
        startInfo.ArgumentList.Add("tool");
        startInfo.ArgumentList.Add("restore");
        using var restore = ChildProcess.Start("tool-restore", startInfo);
        await restore.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
    }
}
