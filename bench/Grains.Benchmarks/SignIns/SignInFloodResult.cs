using System.Globalization;

namespace Grains.Benchmarks.SignIns;

/// <summary>What a sign-in flood got: answers by status, where the sessions made were placed (X-Silo), and the keys Redis holds afterwards.</summary>
internal sealed record SignInFloodResult(
    int Sent,
    TimeSpan Took,
    IReadOnlyDictionary<int, int> ByStatus,
    IReadOnlyDictionary<string, int> PlacedBySilo,
    long RedisKeys,
    long SessionStateKeys,
    long SessionDirectoryKeys)
{
    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{Sent} sign-ins from one client in {Took.TotalSeconds:0.0} s"));
        foreach (var (status, count) in ByStatus.OrderBy(s => s.Key))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {status}: {count}"));
        }

        foreach (var (silo, count) in PlacedBySilo.OrderBy(s => s.Key, StringComparer.Ordinal))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  sessions placed on {silo}: {count}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Redis keys: {RedisKeys} (session state {SessionStateKeys}, session directory entries {SessionDirectoryKeys})"));
    }
}
