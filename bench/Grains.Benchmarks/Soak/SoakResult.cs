using System.Globalization;
using Grains.Shop.Api.Hosting;
using Grains.Shop.Carts;

namespace Grains.Benchmarks.Soak;

/// <summary>What a soak run saw, and whether Redis stayed within the bound the silos' limits set.</summary>
internal sealed record SoakResult(
    SoakSettings Settings,
    string LoadAtStart,
    string LoadAtEnd,
    IReadOnlyList<(string Kind, int Status, int Count)> WellBehaved,
    IReadOnlyList<(string Kind, int Status, int Count)> Abusive,
    int AbusiveSessions,
    IReadOnlyList<RedisSample> Samples)
{
    // The silos run with their defaults: the sign-in bucket per address (counted by each silo) and the checkout limit per user.
    private static readonly TokenBucketOptions s_signIns = new ApiOptions().SignInRateLimit.PerAddress;
    private static readonly CartOptions s_carts = new();

    /// <summary>
    /// What one user may hold in Redis at most: a session record, the cart (at most 4 KB whatever the keys:
    /// bounded lines and 32 key digests), the order history's head (50 ids) and the grain directory's entries.
    /// </summary>
    private const long BytesPerUser = 8 * 1024;

    /// <summary>What one order may add: its place in a page of 20 and Redis' overhead for it.</summary>
    private const long BytesPerOrder = 1024;

    /// <summary>The sessions one address can get from the limits in the run's time: each silo's burst, then its refill.</summary>
    public int SessionBound => Settings.Silos * (s_signIns.TokenLimit
        + (int)(Settings.Duration / s_signIns.ReplenishmentPeriod) * s_signIns.TokensPerPeriod);

    /// <summary>The users the limits let in: the well-behaved ones and the abusive client's sessions (one user each).</summary>
    public int UserBound => Settings.Users + SessionBound;

    /// <summary>The orders one user can make in the run's time: the checkout limit in every window the run starts.</summary>
    public int OrdersPerUserBound => s_carts.CheckoutLimit * (1 + (int)(Settings.Duration / s_carts.CheckoutLimitWindow));

    public int Checkouts => WellBehaved.Concat(Abusive).Where(c => c.Kind == "checkout" && c.Status == 201).Sum(c => c.Count);

    /// <summary>Redis' memory at the start, plus the most the users and orders the limits let in may take.</summary>
    public long MemoryBound => Samples[0].UsedMemory + UserBound * (BytesPerUser + (long)OrdersPerUserBound * BytesPerOrder);

    public double Availability
    {
        get
        {
            var total = WellBehaved.Sum(c => c.Count);
            return total == 0 ? 0 : (double)WellBehaved.Where(c => c.Status is >= 200 and < 300).Sum(c => c.Count) / total;
        }
    }

    public void Write(TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var seconds = Settings.Duration.TotalSeconds;
        output.WriteLine(Line($"Soak of {seconds:0} s: {Settings.Silos} silos behind one gateway, {Settings.Users} well-behaved users (one address each), one abusive client ({Settings.AbusiveLoops} requests in flight)"));
        output.WriteLine(Line($"Load average at start {LoadAtStart}, at end {LoadAtEnd}"));
        output.WriteLine();
        WriteCounts(output, "Well-behaved users", WellBehaved, seconds);
        output.WriteLine(Line($"  availability (answered 2xx): {Availability:P2}"));
        output.WriteLine();
        WriteCounts(output, "Abusive client", Abusive, seconds);
        var abusiveTotal = Abusive.Sum(c => c.Count);
        var shed = Abusive.Where(c => c.Status is 429 or 503).Sum(c => c.Count);
        output.WriteLine(Line($"  shed (429 or 503): {shed} of {abusiveTotal} ({(abusiveTotal == 0 ? 0 : (double)shed / abusiveTotal):P1}); sessions it got: {AbusiveSessions} (the limits allow at most {SessionBound})"));
        output.WriteLine();
        output.WriteLine("Redis");
        output.WriteLine("| s | keys | used_memory (MB) |");
        output.WriteLine("|---:|---:|---:|");
        foreach (var sample in Samples)
        {
            output.WriteLine(Line($"| {sample.At.TotalSeconds:0} | {sample.Keys} | {sample.UsedMemory / 1048576.0:0.00} |"));
        }

        var peak = Samples.Max(s => s.UsedMemory);
        output.WriteLine(Line($"Bound: {MemoryBound / 1048576.0:0.00} MB = {Samples[0].UsedMemory / 1048576.0:0.00} MB at the start + {UserBound} users at most x ({BytesPerUser / 1024} KB + {OrdersPerUserBound} orders at most x {BytesPerOrder / 1024} KB); orders made: {Checkouts}"));
        output.WriteLine(Line($"Peak: {peak / 1048576.0:0.00} MB, {(peak <= MemoryBound ? "within" : "OVER")} the bound; keys at most {Samples.Max(s => s.Keys)}"));
    }

    private static void WriteCounts(TextWriter output, string title, IReadOnlyList<(string Kind, int Status, int Count)> counts, double seconds)
    {
        output.WriteLine(title);
        output.WriteLine("| request | status | count | per s |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var (kind, status, count) in counts)
        {
            output.WriteLine(Line($"| {kind} | {(status == 0 ? "no answer" : status.ToString(CultureInfo.InvariantCulture))} | {count} | {count / seconds:0.0} |"));
        }
    }

    private static string Line(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
