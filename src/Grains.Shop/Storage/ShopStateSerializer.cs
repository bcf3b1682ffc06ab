using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Grains.Shop.Serialization;
using Orleans.Storage;

namespace Grains.Shop.Storage;

/// <summary>
/// Writes grain state as plain camel-case JSON from the source-generated <see cref="ShopStateJsonContext"/>, so a stored
/// cart reads like the API's JSON (<c>redis-cli HGET "&lt;service&gt;/state/cart/alice/cart" data</c>). Types outside
/// the context (grains a test host adds) fall back to reflection with the same settings.
/// </summary>
public sealed class ShopStateSerializer : IGrainStorageSerializer
{
    private static readonly JsonSerializerOptions s_options = new(ShopStateJsonContext.Default.Options)
    {
        TypeInfoResolver = JsonTypeInfoResolver.Combine(ShopStateJsonContext.Default, new DefaultJsonTypeInfoResolver()),
    };

    public BinaryData Serialize<T>(T? input) => new(JsonSerializer.SerializeToUtf8Bytes(input, s_options));

    public T? Deserialize<T>(BinaryData input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return JsonSerializer.Deserialize<T>(input.ToMemory().Span, s_options);
    }
}
