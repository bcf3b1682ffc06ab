using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;

namespace Grains.Benchmarks;

/// <summary>Prints the run's conditions and figures as plain text tables.</summary>
internal static class Report
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static string Describe(CallPath path) => path == CallPath.Loopback ? "loopback" : "in-process";

    public static string Describe(Scenario scenario) =>
        scenario.GrainCount == 1 ? "one hot grain" : string.Create(s_invariant, $"{scenario.GrainCount} grains");

    /// <summary>False for a build without optimizations, whose figures mean little.</summary>
    public static bool IsOptimizedBuild =>
        typeof(Report).Assembly.GetCustomAttribute<DebuggableAttribute>()?.IsJITOptimizerDisabled != true;

    /// <summary>The first line of an HTTP benchmark's output: the machine, and whether the build's figures mean anything.</summary>
    public static string Machine(string benchmark) => string.Create(s_invariant,
        $"{benchmark}: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(IsOptimizedBuild ? "Release" : "DEBUG (unoptimized!)")} build");

    public static void WriteConditions(TextWriter output, BenchmarkSettings settings)
    {
        output.WriteLine(string.Create(s_invariant,
            $"Grains benchmark: {Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC, {(IsOptimizedBuild ? "Release" : "DEBUG (unoptimized!)")} build"));
        output.WriteLine(string.Create(s_invariant,
            $"{settings.Concurrency} calls in flight; warm-up {settings.WarmUp.TotalSeconds:0.#} s, measured {settings.Duration.TotalSeconds:0.#} s per scenario"));
        output.WriteLine(string.Create(s_invariant,
            $"Orleans {OrleansVersion}, Redis clustering; silo filters: {SiloFilterNames.Format(settings.Filters)}; client connections per gateway: {settings.ClientConnections}; call: {(settings.PayloadBytes == 0 ? "PingAsync(int)" : $"EchoAsync(byte[{settings.PayloadBytes}])")}; {RuntimeKnobs()}"));
    }

    private static string OrleansVersion =>
        typeof(IGrainFactory).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split(' ')[0].TrimEnd('.') ?? "?";

    /// <summary>The runtime settings that experiments change through the environment (inherited by the silo process).</summary>
    private static string RuntimeKnobs()
    {
        string[] names = ["DOTNET_gcServer", "DOTNET_TieredPGO", "DOTNET_TieredCompilation", "DOTNET_ReadyToRun", "DOTNET_ThreadPool_UnfairSemaphoreSpinLimit", "DOTNET_GCgen0size"];
        var set = names.Where(n => Environment.GetEnvironmentVariable(n) is { Length: > 0 }).Select(n => $"{n}={Environment.GetEnvironmentVariable(n)}").ToList();
        return set.Count == 0 ? "no runtime settings in the environment" : string.Join(' ', set);
    }

    public static void WriteMeasurements(TextWriter output, IReadOnlyList<Measurement> measurements)
    {
        output.WriteLine();
        output.WriteLine("scenario        path          calls/s    p50 ms   p99 ms  errors   CPU µs/call (client + silo)   alloc B/call (client + silo)   GCs gen0/1/2");
        foreach (var m in measurements)
        {
            var result = m.Result;
            output.WriteLine(string.Create(s_invariant,
                $"{Describe(m.Scenario),-15} {Describe(m.Path),-12} {result.CallsPerSecond,9:N0} {result.Latencies.Percentile(0.50).TotalMilliseconds,8:0.00} {result.Latencies.Percentile(0.99).TotalMilliseconds,8:0.00} {result.Errors,7:N0}   {PerProcess(m, m.CpuMicrosecondsPerCall),-29} {PerProcess(m, m.BytesPerCall),-30} {Collections(m)}"));
        }

        foreach (var loopback in measurements.Where(m => m.Path == CallPath.Loopback))
        {
            var local = measurements.FirstOrDefault(m => m.Path == CallPath.InProcess && m.Scenario == loopback.Scenario);
            if (local is not null && local.Result.CallsPerSecond > 0)
            {
                output.WriteLine(string.Create(s_invariant,
                    $"{Describe(loopback.Scenario)}: loopback / in-process throughput = {loopback.Result.CallsPerSecond / local.Result.CallsPerSecond:0.00}"));
            }
        }

        foreach (var failed in measurements.Where(m => m.Result.FirstError is not null))
        {
            output.WriteLine($"{Describe(failed.Scenario)}, {Describe(failed.Path)}: first error: {failed.Result.FirstError}");
        }
    }

    private static string PerProcess(Measurement m, Func<ProcessStats, double> perCall) =>
        m.Silo is { } silo
            ? string.Create(s_invariant, $"{perCall(m.Local),7:N1} + {perCall(silo):N1}")
            : string.Create(s_invariant, $"{perCall(m.Local),7:N1} (one process)");

    private static string Collections(Measurement m)
    {
        var total = m.Silo is { } silo
            ? new ProcessStats(TimeSpan.Zero, 0, m.Local.Gen0 + silo.Gen0, m.Local.Gen1 + silo.Gen1, m.Local.Gen2 + silo.Gen2)
            : m.Local;
        return string.Create(s_invariant, $"{total.Gen0}/{total.Gen1}/{total.Gen2}");
    }
}
