using Grains.Showdown.Measuring;

namespace Grains.Showdown.Tests;

public sealed class CpuByProcessTests
{
    [Theory]
    [InlineData("silo-1", "silo")]
    [InlineData("silo-12", "silo")]
    [InlineData("stateless-a", "stateless")]
    [InlineData("client-b", "client")]
    [InlineData("gateway", "gateway")]
    [InlineData("redis-server", "redis-server")]
    public void Instances_of_one_kind_of_process_count_together(string process, string kind) =>
        Assert.Equal(kind, CpuByProcess.KindOf(process));

    [Fact]
    public async Task A_phase_is_charged_to_the_kinds_of_the_processes_that_ran_it()
    {
        var self = Environment.ProcessId;
        var cpu = new CpuByProcess(new Dictionary<int, string> { [self] = "bench-1" });

        // Spin until this process has used 50 ms more CPU (/proc counts in 10 ms ticks), however loaded the machine is.
        await cpu.MeasureAsync(() =>
        {
            using var process = System.Diagnostics.Process.GetCurrentProcess();
            var target = process.TotalProcessorTime + TimeSpan.FromMilliseconds(50);
            var deadline = DateTime.UtcNow.AddMinutes(1);
            while (process.TotalProcessorTime < target && DateTime.UtcNow < deadline)
            {
                process.Refresh();
            }

            return Task.FromResult(process.TotalProcessorTime);
        });

        var used = cpu.MicrosecondsPer(1);
        Assert.Equal(["bench"], used.Keys);
        Assert.True(used["bench"] > 0, "the spinning phase used CPU");
    }
}
