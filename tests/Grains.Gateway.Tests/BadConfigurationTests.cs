using Grains.Testing;
using Xunit.Abstractions;

namespace Grains.Gateway.Tests;

/// <summary>A gateway started with a bad setting must say which, and exit with code 2, before it serves anything.</summary>
[Trait("Category", "Integration")]
public sealed class BadConfigurationTests(ITestOutputHelper output)
{
    private const string Secret = "s3cret-value";

    [Theory]
    [InlineData("Gateway:SiloListRefreshPeriod", "00:00:00.001")]
    [InlineData("Gateway:RetryBudget", "00:05:00")]
    [InlineData("Gateway:RequestTimeout", "soon")]
    [InlineData("Gateway:MaxRequestBodyBytes", "many")]
    [InlineData("Dashboard:OperatorKey", "has a space " + Secret)]
    [InlineData("Dashboard:StreamInterval", "00:00:00.010")]
    [InlineData("Cluster:Id", "two words")]
    public async Task A_gateway_with_a_bad_value_exits_with_code_2_naming_the_key_without_a_stack_trace(string key, string value)
    {
        // Nothing listens on the Redis port: a gateway that wrongly accepted its configuration would keep trying there.
        await using var gateway = ProjectProcess.Start("gateway-bad", RepositoryPaths.BuiltAssembly("Grains.Gateway"),
        [
            $"--urls=http://127.0.0.1:{FreePort.Next()}",
            $"--Redis:ConnectionString=127.0.0.1:{FreePort.Next()}",
            $"--Cluster:Id={ClusterIds.Next()}",
            $"--{key}={value}",
        ]);

        Assert.True(await gateway.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"the gateway did not exit:{Environment.NewLine}{gateway.RecentOutput}");
        var said = gateway.RecentOutput;
        output.WriteLine($"exit code {gateway.ExitCode}:{Environment.NewLine}{said}");
        Assert.Equal(2, gateway.ExitCode);
        Assert.Contains(key, said, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", said, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, said, StringComparison.Ordinal);
    }
}
