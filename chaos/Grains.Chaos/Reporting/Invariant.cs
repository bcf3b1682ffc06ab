namespace Grains.Chaos.Reporting;

/// <summary>A property every run must have: <see cref="Value"/> must be <see cref="Expected"/> (or, for a minimum, reach it).</summary>
public sealed record Invariant(string Name, long Value, long Expected, bool AtLeast = false)
{
    public bool Holds => AtLeast ? Value >= Expected : Value == Expected;
}
