using System.Diagnostics;

namespace Grains.Showdown.Load;

/// <summary>
/// Closed-loop load: every user runs its workers, each sending its next request as soon as the last one was answered,
/// until the phase ends. A request that failed is followed by a 20 ms pause; a 401 drops the token and the worker
/// signs in again. Every request goes to the architecture's entry on 127.0.0.1.
/// </summary>
internal sealed class LoadGenerator(ShopClient client, IReadOnlyList<ShopUser> users, int workersPerUser, IReadOnlyList<string> skus, int seed)
{
    private static readonly TimeSpan s_pauseAfterFailure = TimeSpan.FromMilliseconds(20);
    private int _phase;

    /// <summary>Signs every user in; fails when one cannot.</summary>
    public async Task SignInAllAsync()
    {
        foreach (var user in users)
        {
            var (token, status) = await client.SignInAsync(user.UserId);
            user.SignedIn(token ?? throw new InvalidOperationException($"Signing in {user.UserId} failed with status {status}."), Stopwatch.GetTimestamp());
        }
    }

    /// <summary>Runs the load for <paramref name="duration"/>, adds in the share <paramref name="writeShare"/> of the requests.</summary>
    public async Task<PhaseResult> RunAsync(TimeSpan duration, double writeShare, KillClock kill, CancellationToken cancellationToken)
    {
        var phase = Interlocked.Increment(ref _phase);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        stop.CancelAfter(duration);
        var started = Stopwatch.GetTimestamp();
        var workers = users
            .SelectMany((user, u) => Enumerable.Range(0, workersPerUser).Select(w => RunWorkerAsync(user, new Random(HashCode.Combine(seed, phase, u, w)), writeShare, kill, stop.Token)))
            .ToList();
        var records = await Task.WhenAll(workers);
        cancellationToken.ThrowIfCancellationRequested();
        return new PhaseResult(Stopwatch.GetElapsedTime(started), records);
    }

    private async Task<WorkerRecord> RunWorkerAsync(ShopUser user, Random random, double writeShare, KillClock kill, CancellationToken stop)
    {
        // Off the caller's thread at once, so that all workers start together.
        await Task.Yield();
        var record = new WorkerRecord();
        while (!stop.IsCancellationRequested)
        {
            if (user.Token is not { } token)
            {
                await SignInAsync(user, record);
                continue;
            }

            var sku = skus[random.Next(skus.Count)];
            var operation = random.NextDouble() < writeShare && user.AcknowledgedUnits(sku) < ShowdownSettings.MaxUnitsPerLine ? Operation.Write : Operation.Read;
            var start = Stopwatch.GetTimestamp();
            var status = await client.SendAsync(operation, token, sku);
            var end = Stopwatch.GetTimestamp();
            if (status == 200)
            {
                (operation == Operation.Write ? record.Writes : record.Reads).Add(end - start);
                if (operation == Operation.Write)
                {
                    user.Acknowledged(sku);
                }

                if (kill.IsAfterKill(start))
                {
                    user.Served(end);
                }

                continue;
            }

            record.Fail(status);
            if (status == 401)
            {
                user.Rejected(token, kill.KilledAt);
            }
            else
            {
                await Pause(stop);
            }
        }

        return record;
    }

    private async Task SignInAsync(ShopUser user, WorkerRecord record)
    {
        var at = Stopwatch.GetTimestamp();
        var (token, status) = await client.SignInAsync(user.UserId);
        if (token is null)
        {
            record.Fail(status);
            await Pause(CancellationToken.None);
            return;
        }

        record.SignIns++;
        user.SignedIn(token, at);
    }

    private static async Task Pause(CancellationToken stop)
    {
        try
        {
            await Task.Delay(s_pauseAfterFailure, stop);
        }
        catch (OperationCanceledException)
        {
            // The phase is over.
        }
    }
}
