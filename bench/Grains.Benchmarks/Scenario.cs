namespace Grains.Benchmarks;

/// <summary>Which grains the calls go to: spread over many, or all to one (its mailbox runs them one at a time).</summary>
internal sealed record Scenario(string Name, int GrainCount)
{
    public static Scenario Many(int grainCount) => new("many", grainCount);

    public static Scenario Hot { get; } = new("hot", 1);
}
