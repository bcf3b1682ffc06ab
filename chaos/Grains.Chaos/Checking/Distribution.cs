namespace Grains.Chaos.Checking;

/// <summary>Percentiles of a set of durations in milliseconds (nearest rank).</summary>
public sealed record Distribution(int Count, double? P50, double? P99, double? Max)
{
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0
            ? new Distribution(0, null, null, null)
            : new Distribution(sorted.Length, Rank(sorted, 0.50), Rank(sorted, 0.99), sorted[^1]);
    }

    private static double Rank(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
