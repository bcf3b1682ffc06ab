using System.CommandLine;
using Grains.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grains.Benchmarks;

/// <summary>
/// The child side of <see cref="SiloProcess"/>: hosts the silo, prints <c>ready {silo id}</c>, answers <c>stats</c>
/// with this process's <see cref="ProcessStats"/>, and stops on <c>stop</c>, when its standard input closes (so it
/// never outlives the benchmark that started it), or on SIGINT / SIGTERM.
/// </summary>
internal static class SiloCommand
{
    public static Command Create()
    {
        var port = new Option<int>("--port") { Description = "Listening port on 127.0.0.1; 0 picks a free one." };
        var command = new Command("silo", "Runs the benchmark's silo (started by the benchmark itself).") { port };
        command.Hidden = true;
        command.SetAction((result, cancellationToken) => RunAsync(result.GetValue(port), cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int port, CancellationToken cancellationToken)
    {
        using var host = BenchmarkHosts.CreateSilo(port);
        await host.StartAsync(cancellationToken);
        var silo = host.Services.GetRequiredService<LocalSilo>();
        await silo.Started.WaitAsync(cancellationToken);
        await Console.Out.WriteLineAsync($"{SiloProcess.ReadyPrefix}{silo.Address!.Id}");

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
