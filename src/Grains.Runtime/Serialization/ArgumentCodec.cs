using System.Buffers;
using System.Text.Json;
using Grains.Runtime.Invocation;

namespace Grains.Runtime.Serialization;

/// <summary>Encodes a call's arguments as one JSON array, each element by its declared parameter type.</summary>
internal static class ArgumentCodec
{
    /// <summary>Buffers that grew past this are dropped after use rather than kept by the thread.</summary>
    private const int MaxRetainedBufferSize = 16 * 1024;

    // Each thread keeps one writer and its buffer: encoding arguments is on every call's path.
    [ThreadStatic]
    private static ArrayBufferWriter<byte>? t_buffer;

    [ThreadStatic]
    private static Utf8JsonWriter? t_writer;

    public static byte[] Serialize(GrainSerializer serializer, GrainMethod method, object?[] args)
    {
        // Taken out of the thread's slots while in use, so that a converter that makes a call of its own gets fresh ones.
        var buffer = t_buffer ?? new ArrayBufferWriter<byte>(256);
        var writer = t_writer ?? new Utf8JsonWriter(buffer);
        t_buffer = null;
        t_writer = null;
        buffer.ResetWrittenCount();
        writer.Reset(buffer);

        writer.WriteStartArray();
        for (var i = 0; i < method.ParameterTypes.Length; i++)
        {
            JsonSerializer.Serialize(writer, args[i], method.ParameterTypes[i], serializer.Options);
        }

        writer.WriteEndArray();
        writer.Flush();
        var body = buffer.WrittenSpan.ToArray();

        if (buffer.Capacity <= MaxRetainedBufferSize)
        {
            t_buffer = buffer;
            t_writer = writer;
        }

        return body;
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
