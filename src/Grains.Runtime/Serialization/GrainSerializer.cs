using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Grains.Runtime.Serialization;

/// <summary>
/// Turns call arguments, results and grain state into JSON. Source-generated contexts registered through
/// <see cref="GrainSerializerOptions"/> are consulted first; reflection covers every other type.
/// </summary>
public sealed class GrainSerializer
{
    public GrainSerializer(IEnumerable<IJsonTypeInfoResolver> resolvers)
    {
        ArgumentNullException.ThrowIfNull(resolvers);
        Options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            TypeInfoResolver = JsonTypeInfoResolver.Combine([.. resolvers, new DefaultJsonTypeInfoResolver()]),
        };
        Options.MakeReadOnly();
    }

    public GrainSerializer()
        : this([])
    {
    }

    public JsonSerializerOptions Options { get; }

    public byte[] Serialize(object? value, Type type) => JsonSerializer.SerializeToUtf8Bytes(value, type, Options);

    public object? Deserialize(ReadOnlySpan<byte> utf8Json, Type type) => JsonSerializer.Deserialize(utf8Json, type, Options);

    public T? Deserialize<T>(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize<T>(utf8Json, Options);

    public string SerializeToString<T>(T value) => JsonSerializer.Serialize(value, Options.GetTypeInfo(typeof(T)));

    public T? DeserializeFromString<T>(string json) => (T?)JsonSerializer.Deserialize(json, Options.GetTypeInfo(typeof(T)));
}
