using System.Diagnostics;
using Grains.Hosting.Http;

namespace Grains.Shop.Api.GrainCalls;

/// <summary>
/// Runs a grain call again while that is harmless and the request's <see cref="Hosting.ApiOptions.RetryBudget"/>
/// lasts: always after a failure that did not run it, and after one of unknown outcome only when the request is safe to
/// repeat. The pause grows from 50 ms to 500 ms, which lets the cluster settle a failover or a store come back.
/// </summary>
public static class GrainCallRetry
{
    /// <param name="attemptsMade">Attempts the caller already made and saw fail: the loop pauses before its first.</param>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, bool retryIsSafe, TimeSpan budget, CancellationToken cancellationToken, int attemptsMade = 0)
    {
        ArgumentNullException.ThrowIfNull(call);
        var started = Stopwatch.GetTimestamp();
        if (attemptsMade > 0)
        {
            await Task.Delay(Pause(attemptsMade - 1), cancellationToken).ConfigureAwait(false);
        }

        for (var attempt = attemptsMade; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception ex) when (MayRetry(ex, retryIsSafe) && Stopwatch.GetElapsedTime(started) + Pause(attempt) < budget)
            {
                await Task.Delay(Pause(attempt), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Safe to repeat: see <see cref="RequestRetry.IsSafe"/>.</summary>
    public static bool IsRetrySafe(HttpRequest request) => RequestRetry.IsSafe(request);

    /// <summary>Whether a call that failed with <paramref name="exception"/> may run again.</summary>
    public static bool MayRetry(Exception exception, bool retryIsSafe) => GrainCallFailures.Classify(exception) switch
    {
        GrainCallFailure.NotRun => true,
        GrainCallFailure.OutcomeUnknown => retryIsSafe,
        _ => false,
    };

    private static TimeSpan Pause(int attempt) => TimeSpan.FromMilliseconds(Math.Min(50 << Math.Min(attempt, 4), 500));
}
