namespace Grains.Showdown.Load;

/// <summary>Successful requests of one kind in a phase: how many per second, and their latency percentiles (exact, from every sample).</summary>
internal sealed record LatencySummary(long Count, double RequestsPerSecond, double P50Ms, double P95Ms, double P99Ms)
{
    public static LatencySummary Of(IEnumerable<long> ticks, TimeSpan elapsed)
    {
        var sorted = ticks.Order().ToArray();
        double At(double fraction) => sorted.Length == 0
            ? 0
            : PhaseResult.Milliseconds(sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)]);
        return new LatencySummary(sorted.Length, elapsed > TimeSpan.Zero ? sorted.Length / elapsed.TotalSeconds : 0, At(0.50), At(0.95), At(0.99));
    }
}
