namespace Grains.Benchmarks.KeyedAdds;

/// <summary>What one run of the keyed-adds benchmark measures.</summary>
/// <param name="Points">Keyed adds sent before each measured window: about as many keys as the cart then holds (if it keeps them all).</param>
/// <param name="Window">Keyed adds measured at each point.</param>
/// <param name="Idle">How long Redis's input is watched with no request sent, to know the silo's own traffic.</param>
internal sealed record KeyedAddsSettings(IReadOnlyList<int> Points, int Window, TimeSpan Idle);
