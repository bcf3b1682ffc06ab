using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;

namespace Grains.Shop.Tests;

/// <summary>
/// Orleans' serializer as silos and clients set it up (<c>AddSerializer</c>, which finds the generated codecs of the
/// loaded assemblies), built once per test class: building it costs far more than using it.
/// </summary>
public sealed class OrleansSerializerFixture : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddSerializer().BuildServiceProvider();

    public Serializer Serializer => _services.GetRequiredService<Serializer>();

    /// <summary>Serializes <paramref name="value"/> as an <see cref="object"/>, so its type travels with it as on the wire, and reads it back.</summary>
    public object RoundTrip(object value) =>
        Serializer.Deserialize<object>(Serializer.SerializeToArray<object>(value)) ?? throw new InvalidOperationException("The copy came back null.");

    public void Dispose() => _services.Dispose();
}
