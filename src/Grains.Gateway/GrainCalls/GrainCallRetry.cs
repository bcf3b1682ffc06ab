using Grains.Runtime;

namespace Grains.Gateway.GrainCalls;

/// <summary>
/// Retries a grain call of unknown outcome, and only when running it twice is harmless: its silo failed after the call
/// was sent (<see cref="SiloUnavailableException.OutcomeUnknown"/>), or the store did not confirm a write
/// (<see cref="StorageUnavailableException"/>). Calls that certainly did not run are re-routed by the runtime itself.
/// </summary>
public static class GrainCallRetry
{
    public static async Task<T> RunAsync<T>(Func<Task<T>> call, bool retryIsSafe, int maxRetries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(call);
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await call().ConfigureAwait(false);
            }
            catch (Exception ex) when (IsOutcomeUnknown(ex) && retryIsSafe && attempt < maxRetries)
            {
                // A short pause lets the cluster notice the dead silo before the call is placed again (100 ms), and a longer
                // second one lets a restarting store come back (400 ms more).
                await Task.Delay(TimeSpan.FromMilliseconds(100 << (2 * attempt)), cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private static bool IsOutcomeUnknown(Exception exception) =>
        exception is SiloUnavailableException { OutcomeUnknown: true }
        || (exception is GrainException grain && grain.Is<StorageUnavailableException>());

    /// <summary>
    /// Safe to repeat: reads, PUT and DELETE (they set a state rather than change it by a step), and any request whose
    /// Idempotency-Key makes the cart grain apply it at most once.
    /// </summary>
    public static bool IsRetrySafe(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)
            || HttpMethods.IsPut(request.Method) || HttpMethods.IsDelete(request.Method)
            || request.Headers.ContainsKey(IdempotencyKeyHeader.Name);
    }
}
