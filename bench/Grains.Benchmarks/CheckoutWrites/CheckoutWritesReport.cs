using System.Globalization;
using System.Runtime.InteropServices;

namespace Grains.Benchmarks.CheckoutWrites;

/// <summary>Prints, per history size, what the measured checkout wrote to Redis.</summary>
internal static class CheckoutWritesReport
{
    private static readonly string[] s_grainTypes = ["cart", "orders", "orderpage"];

    public static void Write(TextWriter output, IReadOnlyList<CheckoutWritesSample> samples)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Checkout writes: {RuntimeInformation.OSDescription}, {RuntimeInformation.FrameworkDescription}; one in-process silo, redis-server on 127.0.0.1; carts of 3 lines; the measured checkout carries an Idempotency-Key."));
        output.WriteLine("Bytes are those of the commands on the wire (RESP), as MONITOR saw them; a state write is one compare-and-set script call.");
        output.WriteLine();
        output.WriteLine("orders before   cart writes (bytes)   orders head writes (bytes)   page writes (bytes)   all state writes (bytes)   all commands (bytes)   history as one record (bytes)");
        foreach (var sample in samples)
        {
            var writes = sample.WritesByGrainType;
            string Column(string type) => writes.TryGetValue(type, out var w) ? string.Create(CultureInfo.InvariantCulture, $"{w.Count} ({w.Bytes:N0})") : "0";
            var total = (Count: writes.Values.Sum(w => w.Count), Bytes: writes.Values.Sum(w => w.Bytes));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{sample.History,13}   {Column(s_grainTypes[0]),-19}   {Column(s_grainTypes[1]),-26}   {Column(s_grainTypes[2]),-19}   {$"{total.Count} ({total.Bytes:N0})",-24}   {$"{sample.AllSent.Count} ({sample.AllSent.Bytes:N0})",-20}   {sample.OneRecordBytes,13:N0}"));
        }
    }
}
