using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Grains.Runtime.Diagnostics;
using Grains.Runtime.Hosting;
using Grains.Runtime.InMemory;
using Grains.Runtime.Tests.Infrastructure;
using Grains.TestGrains;

namespace Grains.Runtime.Tests;

public sealed class MetricsTests
{
    [Fact]
    public async Task Calls_latency_errors_and_activations_are_measured_per_grain_type_and_method()
    {
        var measurements = new ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == GrainsInstruments.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.SetMeasurementEventCallback<double>((i, v, tags, _) => measurements.Enqueue((i.Name, v, ToDictionary(tags))));
        listener.Start();

        var store = new InMemoryClusterStore();
        await using var cluster = await InProcessCluster.StartAsync(1, b => b.UseInMemory(store));
        var key = $"metrics-{Guid.NewGuid():N}";
        var grain = cluster.Client.GetGrain<ICounterGrain>(key);
        await grain.AddAsync(1);
        await grain.AddAsync(1);
        await Assert.ThrowsAsync<GrainException>(() => grain.FailAsync("x"));

        bool For(string method, (string Instrument, double Value, Dictionary<string, object?> Tags) m) =>
            Equals(m.Tags.GetValueOrDefault("grain.type"), "ICounterGrain") && Equals(m.Tags.GetValueOrDefault("grain.method"), method);

        var all = measurements.ToList();
        Assert.True(all.Count(m => m.Instrument == "grains.calls" && For("AddAsync", m)) >= 2);
        Assert.True(all.Count(m => m.Instrument == "grains.call.duration" && For("AddAsync", m)) >= 2);
        Assert.Contains(all, m => m.Instrument == "grains.call.errors" && For("FailAsync", m));
        Assert.DoesNotContain(all, m => m.Instrument == "grains.call.errors" && For("AddAsync", m));
        Assert.Contains(all, m => m.Instrument == "grains.activations" && m.Value == 1 && Equals(m.Tags.GetValueOrDefault("grain.type"), "ICounterGrain"));
    }

    private static Dictionary<string, object?> ToDictionary(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }
}
