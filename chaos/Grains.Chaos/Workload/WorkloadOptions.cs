namespace Grains.Chaos.Workload;

/// <summary>What the simulated users do.</summary>
public sealed record WorkloadOptions
{
    public int Users { get; init; } = 50;

    /// <summary>Pause between one user's operations; each user runs one operation at a time.</summary>
    public TimeSpan ThinkTime { get; init; } = TimeSpan.FromMilliseconds(50);

    /// <summary>A request without an answer after this long is recorded as info (outcome unknown).</summary>
    public TimeSpan RequestTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>Shares of adds, reads and checkouts, in percent; they add up to 100.</summary>
    public int AddPercent { get; init; } = 65;

    public int ReadPercent { get; init; } = 25;

    /// <summary>Largest quantity of one add (each add takes 1 to this many units).</summary>
    public int MaxAddQuantity { get; init; } = 3;

    public int CheckoutPercent => 100 - AddPercent - ReadPercent;
}
