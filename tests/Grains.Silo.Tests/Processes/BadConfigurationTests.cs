using Grains.Testing;
using Xunit.Abstractions;

namespace Grains.Silo.Tests.Processes;

/// <summary>A silo started with a bad setting must say which, and exit with code 2, before it joins anything.</summary>
[Trait("Category", "Integration")]
public sealed class BadConfigurationTests(ITestOutputHelper output)
{
    private const string Secret = "s3cret-value";

    [Theory]
    [InlineData("Redis:ConnectionString", "")]
    [InlineData("Redis:ConnectionString", "password=" + Secret)]
    [InlineData("Cluster:Id", "two words")]
    [InlineData("Cluster:Id", "a{b}")]
    [InlineData("Silo:Name", "two words")]
    [InlineData("Silo:Port", "70000")]
    [InlineData("Silo:Port", "eleven")]
    [InlineData("Silo:GatewayPort", "-1")]
    [InlineData("Silo:AdvertisedHost", "not a host")]
    [InlineData("Silo:AdvertisedHost", "no-such-silo.invalid")]
    [InlineData("Fencing:LeaseDuration", "a second")]
    [InlineData("FailureDetection:ConfirmationDelay", "soon")]
    [InlineData("Api:TokenKey", Secret)]
    [InlineData("Api:RetryBudget", "00:05:00")]
    [InlineData("Locality:MigrationsPerSecond", "0")]
    [InlineData("Silo:DrainDelay", "00:10:00")]
    [InlineData("Api:ClientAddress:TrustedProxies", "10.0.0.0/8,gateway-1")]
    [InlineData("Api:SignInRateLimit:PerAddress:TokenLimit", "0")]
    public async Task A_silo_with_a_bad_value_exits_with_code_2_naming_the_key_without_a_stack_trace(string key, string value)
    {
        var said = await RunUntilExitAsync($"--{key}={value}");

        Assert.Contains(key, said, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_silo_with_bad_values_in_several_sections_names_every_key()
    {
        var said = await RunUntilExitAsync("--Cluster:Id=two words", "--Redis:ConnectionString=", "--Fencing:LeaseDuration=00:00:05");

        Assert.Contains("Cluster:Id", said, StringComparison.Ordinal);
        Assert.Contains("Redis:ConnectionString", said, StringComparison.Ordinal);
        Assert.Contains("Fencing:LeaseDuration", said, StringComparison.Ordinal);
    }

    /// <summary>Runs a silo with valid settings overridden by <paramref name="overrides"/>, expecting exit code 2 and no stack trace.</summary>
    /// <returns>What the silo wrote.</returns>
    private async Task<string> RunUntilExitAsync(params string[] overrides)
    {
        // Nothing listens on the Redis port: a silo that wrongly accepted its configuration would hang there, not join.
        await using var silo = ProjectProcess.Start("silo-bad", RepositoryPaths.BuiltAssembly("Grains.Silo"),
        [
            $"--Redis:ConnectionString=127.0.0.1:{FreePort.Next()}",
            $"--Cluster:Id={ClusterIds.Next()}",
            "--Silo:Name=silo-1",
            "--Silo:Port=0",
            "--Silo:GatewayPort=0",
            .. overrides,
        ]);

        Assert.True(await silo.WaitForExitAsync(TimeSpan.FromSeconds(60)), $"the silo did not exit:{Environment.NewLine}{silo.RecentOutput}");
        var said = silo.RecentOutput;
        output.WriteLine($"exit code {silo.ExitCode}:{Environment.NewLine}{said}");
        Assert.Equal(2, silo.ExitCode);
        Assert.DoesNotContain("   at ", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", said, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, said, StringComparison.Ordinal);
        return said;
    }
}
