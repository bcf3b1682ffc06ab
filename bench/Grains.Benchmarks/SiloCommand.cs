using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grains.Benchmarks;

/// <summary>
/// The child side of <see cref="SiloProcess"/>: hosts the silo, prints <c>ready {silo address}</c> once Orleans reports
/// it active, answers <c>stats</c> with this process's <see cref="ProcessStats"/>, and stops on <c>stop</c>, when its
/// standard input closes (so it never outlives the benchmark that started it), or on SIGINT / SIGTERM.
/// </summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var redis = new Option<string>("--redis") { Description = "Redis connection string.", Required = true };
        var clusterId = new Option<string>("--cluster-id") { Description = "Cluster:Id.", Required = true };
        var filters = new Option<string>("--filters") { Description = "Silo call filters.", DefaultValueFactory = _ => "production" };
        var journal = new Option<string?>("--journal-dir") { Description = "Directory of the activation journal." };
        var command = new Command("silo", "Runs the benchmark's silo (started by the benchmark itself).") { redis, clusterId, filters, journal };
        command.Hidden = true;
        command.SetAction((result, cancellationToken) =>
        {
            if (!SiloFilterNames.TryParse(result.GetValue(filters)!, out var parsed))
            {
                Console.Error.WriteLine($"Unknown filters '{result.GetValue(filters)}'.");
                return Task.FromResult(2);
            }

            return RunAsync(result.GetValue(redis)!, result.GetValue(clusterId)!, parsed, result.GetValue(journal), cancellationToken);
        });
        return command;
    }

    private static async Task<int> RunAsync(string redis, string clusterId, SiloFilters filters, string? journalDirectory, CancellationToken cancellationToken)
    {
        using var host = BenchmarkHosts.CreateSilo(redis, clusterId, filters, journalDirectory);
        await host.StartAsync(cancellationToken);
        var silo = host.Services.GetRequiredService<ILocalSiloDetails>();
        await Console.Out.WriteLineAsync($"{SiloProcess.ReadyPrefix}{silo.SiloAddress}");

        var lifetime = host.Services.GetRequiredService<IHostApplicationLifetime>();
        _ = Task.Run(() => AnswerParentAsync(lifetime), CancellationToken.None);
        await host.WaitForShutdownAsync(CancellationToken.None);
        return 0;
    }

    private static async Task AnswerParentAsync(IHostApplicationLifetime lifetime)
    {
        while (await Console.In.ReadLineAsync() is { } line && line != SiloProcess.StopRequest)
        {
            if (line == SiloProcess.StatsRequest)
            {
                await Console.Out.WriteLineAsync(SiloProcess.StatsPrefix + ProcessStats.Current().Format());
            }
        }

        lifetime.StopApplication();
    }
}
