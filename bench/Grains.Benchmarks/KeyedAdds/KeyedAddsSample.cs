namespace Grains.Benchmarks.KeyedAdds;

/// <summary>One measured window: <see cref="Window"/> keyed adds sent after <see cref="Sent"/> earlier ones.</summary>
/// <param name="Held">Idempotency keys in the cart's stored record after the window.</param>
/// <param name="InputBytes">Growth of Redis's <c>total_net_input_bytes</c> over the window: every command it received, whole.</param>
/// <param name="IdleBytes">What the silo's own traffic (lease, membership) would have sent over as long, at the idle rate.</param>
/// <param name="RecordBytes">The cart's stored record (<c>HSTRLEN ... data</c>) after the window.</param>
internal sealed record KeyedAddsSample(KeyKind Kind, int Sent, int Window, int Held, long InputBytes, double IdleBytes, long RecordBytes, TimeSpan Elapsed)
{
    public double InputBytesPerAdd => (double)InputBytes / Window;

    public double IdleBytesPerAdd => IdleBytes / Window;
}
