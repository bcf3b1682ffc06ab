using System.Buffers;
using System.Text.Json;
using Grains.Runtime.Invocation;

namespace Grains.Runtime.Serialization;

/// <summary>Encodes a call's arguments as one JSON array, each element by its declared parameter type.</summary>
internal static class ArgumentCodec
{
    public static byte[] Serialize(GrainSerializer serializer, GrainMethod method, object?[] args)
    {
        var buffer = new ArrayBufferWriter<byte>(64);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            for (var i = 0; i < method.ParameterTypes.Length; i++)
            {
                JsonSerializer.Serialize(writer, args[i], method.ParameterTypes[i], serializer.Options);
            }

            writer.WriteEndArray();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static object?[] Deserialize(GrainSerializer serializer, GrainMethod method, ReadOnlySpan<byte> body)
    {
        var args = new object?[method.ParameterTypes.Length];
        var reader = new Utf8JsonReader(body);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException("Call arguments must be a JSON array.");
        }

        for (var i = 0; i < args.Length; i++)
        {
            if (!reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                throw new JsonException($"{method.Name} takes {args.Length} arguments; fewer were sent.");
            }

            args[i] = JsonSerializer.Deserialize(ref reader, method.ParameterTypes[i], serializer.Options);
        }

        return args;
    }

    public static byte[] SerializeError(Exception exception) =>
        JsonSerializer.SerializeToUtf8Bytes(WireError.From(exception), RuntimeJsonContext.Default.WireError);

    public static WireError DeserializeError(ReadOnlySpan<byte> body) =>
        JsonSerializer.Deserialize(body, RuntimeJsonContext.Default.WireError) ?? new WireError([], "The grain failed.");
}
