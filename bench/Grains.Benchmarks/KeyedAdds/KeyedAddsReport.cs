using System.Globalization;
using Grains.Benchmarks.HttpGateway;
using Grains.Shop.Contracts.Carts;

namespace Grains.Benchmarks.KeyedAdds;

/// <summary>Prints the keyed-adds benchmark's conditions and figures as a plain text table.</summary>
internal static class KeyedAddsReport
{
    private static readonly CultureInfo s_invariant = CultureInfo.InvariantCulture;

    public static void WriteConditions(TextWriter output, KeyedAddsSettings settings)
    {
        output.WriteLine(Report.Machine("Keyed adds"));
        output.WriteLine(string.Create(s_invariant,
            $"{settings.Window} keyed adds measured after {string.Join(", ", settings.Points)} earlier ones, one at a time, {CartLimits.MaxIdempotencyKeyLength}-character keys, one unit per add"));
        output.WriteLine("Redis input: the growth of INFO stats total_net_input_bytes over the window, so whole commands (EVALSHA, key, etags, data) of every client, the silo's lease and membership included");
        WriteLoadAverage(output, "start");
    }

    public static void WriteLoadAverage(TextWriter output, string when) =>
        output.WriteLine($"Load average at {when}: {GatewayRunner.LoadAverage()}");

    public static void WriteSamples(TextWriter output, IReadOnlyList<KeyedAddsSample> samples)
    {
        output.WriteLine();
        output.WriteLine("keys      after adds   keys held   Redis input B/add   of which idle B/add   cart record B   ms/add");
        foreach (var s in samples)
        {
            output.WriteLine(string.Create(s_invariant,
                $"{s.Kind.ToString().ToLowerInvariant(),-9} {s.Sent,10:N0} {s.Held,11:N0} {s.InputBytesPerAdd,19:N0} {s.IdleBytesPerAdd,21:N0} {s.RecordBytes,15:N0} {s.Elapsed.TotalMilliseconds / s.Window,8:0.0}"));
        }
    }
}
