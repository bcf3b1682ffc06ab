using System.Diagnostics;

namespace Grains.Showdown.Load;

/// <summary>
/// Open-loop load at a fixed offered rate: request <c>i</c> is due at <c>start + i / rate</c> and is sent then, whether
/// or not the earlier ones were answered, and its latency counts from when it was due, not from when it could be sent.
/// A server that stalls therefore shows in the latency of every request it made wait, as a user would see it (no
/// coordinated omission). Requests go to the users in turn; adds respect <see cref="ShowdownSettings.MaxUnitsPerLine"/>.
/// At most <see cref="MaxInFlight"/> requests wait at once: one that falls due beyond that is not sent and counts as
/// failed (status <see cref="NotSent"/>), so that a server that stalls cannot make the load open sockets without end.
/// </summary>
internal sealed class OpenLoopGenerator(ShopClient client, IReadOnlyList<ShopUser> users, IReadOnlyList<string> skus, int seed)
{
    public const int MaxInFlight = 2000;

    /// <summary>The status of a request that fell due while <see cref="MaxInFlight"/> were waiting, and was not sent.</summary>
    public const int NotSent = -1;

    private int _inFlight;

    /// <summary>Sends <paramref name="operation"/>s at <paramref name="rate"/> per second for <paramref name="duration"/>.</summary>
    public async Task<OpenLoopResult> RunAsync(Operation operation, double rate, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rate);
        var count = Math.Max(1, (int)(rate * duration.TotalSeconds));
        var sent = new Task<(bool Ok, long Latency, int Status)>[count];
        var late = new long[count];
        var start = Stopwatch.GetTimestamp();

        // A thread of its own keeps the schedule. Timers run on the thread pool, which the answers keep busy: paced by
        // Task.Delay, requests left up to 7 ms after they were due, and that lateness counted against every server alike.
        await Task.Factory.StartNew(
            () => Pace(operation, rate, start, sent, late, cancellationToken), cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);

        var results = await Task.WhenAll(sent);
        var elapsed = Stopwatch.GetElapsedTime(start);
        var failures = results.Where(r => !r.Ok).GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count());
        var seconds = (int)Math.Ceiling(count / rate);
        var due = new int[seconds];
        var succeeded = new int[seconds];
        for (var i = 0; i < count; i++)
        {
            var second = Math.Min(seconds - 1, (int)(i / rate));
            due[second]++;
            succeeded[second] += results[i].Ok ? 1 : 0;
        }

        return new OpenLoopResult(
            rate, LatencySummary.Of(results.Where(r => r.Ok).Select(r => r.Latency), duration), failures, elapsed, LatencySummary.Of(late, duration), due, succeeded);
    }

    /// <summary>
    /// Sends request <c>i</c> at <c>start + i / rate</c>: sleeps a millisecond at a time (spinning would take a core
    /// from the servers), then sends every request that fell due, each timed from its own due time.
    /// </summary>
    private void Pace(Operation operation, double rate, long start, Task<(bool Ok, long Latency, int Status)>[] sent, long[] late, CancellationToken cancellationToken)
    {
        var ticksApart = Stopwatch.Frequency / rate;
        var random = new Random(seed);
        for (var i = 0; i < sent.Length; i++)
        {
            var due = start + (long)(i * ticksApart);
            long now;
            while ((now = Stopwatch.GetTimestamp()) < due)
            {
                cancellationToken.ThrowIfCancellationRequested();
                Thread.Sleep(1);
            }

            late[i] = now - due;
            var user = users[i % users.Count];
            var sku = skus[random.Next(skus.Count)];
            sent[i] = Volatile.Read(ref _inFlight) >= MaxInFlight ? Task.FromResult((false, 0L, NotSent)) : SendAsync(operation, user, sku, due);
        }
    }

    private async Task<(bool Ok, long Latency, int Status)> SendAsync(Operation operation, ShopUser user, string sku, long due)
    {
        Interlocked.Increment(ref _inFlight);
        int status;
        var write = operation == Operation.Write && user.AcknowledgedUnits(sku) < ShowdownSettings.MaxUnitsPerLine;
        try
        {
            await Task.Yield();
            if (user.Token is not { } token)
            {
                return (false, 0, 401);
            }

            status = await client.SendAsync(write ? Operation.Write : Operation.Read, token, sku);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }

        var latency = Stopwatch.GetTimestamp() - due;
        if (status != 200)
        {
            return (false, latency, status);
        }

        if (write)
        {
            user.Acknowledged(sku);
        }

        return (true, latency, status);
    }
}
