using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Grains.Runtime.Messaging;

/// <summary>
/// Frames messages as <c>[int32 length][kind][int64 id][kind-specific fields]</c>, strings as
/// <c>[uint16 length][UTF-8]</c> and bodies as <c>[int32 length][bytes]</c>, little-endian.
/// </summary>
internal static class MessageCodec
{
    /// <summary>Frames larger than this are refused: the peer is broken or hostile.</summary>
    public const int MaxFrameSize = 16 * 1024 * 1024;

    public static void Write(IBufferWriter<byte> output, Message message)
    {
        var size = 1 + 8;
        switch (message.Kind)
        {
            case MessageKind.Request:
                size += StringSize(message.Grain.Type) + StringSize(message.Grain.Key) + StringSize(message.Method) + 4 + 1 + 4 + message.Body.Length;
                break;
            case MessageKind.Response:
                size += 1 + StringSize(message.Sender) + StringSize(message.SenderName) + 4 + message.Body.Length;
                break;
            case MessageKind.Hello:
            case MessageKind.HelloAck:
                size += StringSize(message.Sender) + StringSize(message.SenderName);
                break;
            default:
                break;
        }

        var span = output.GetSpan(4 + size);
        BinaryPrimitives.WriteInt32LittleEndian(span, size);
        span[4] = (byte)message.Kind;
        BinaryPrimitives.WriteInt64LittleEndian(span[5..], message.Id);
        var position = 13;
        switch (message.Kind)
        {
            case MessageKind.Request:
                position += WriteString(span[position..], message.Grain.Type);
                position += WriteString(span[position..], message.Grain.Key);
                position += WriteString(span[position..], message.Method);
                BinaryPrimitives.WriteInt32LittleEndian(span[position..], message.TimeoutMs);
                position += 4;
                span[position++] = message.Hops;
                position += WriteBody(span[position..], message.Body.Span);
                break;
            case MessageKind.Response:
                span[position++] = (byte)message.Status;
                position += WriteString(span[position..], message.Sender);
                position += WriteString(span[position..], message.SenderName);
                position += WriteBody(span[position..], message.Body.Span);
                break;
            case MessageKind.Hello:
            case MessageKind.HelloAck:
                position += WriteString(span[position..], message.Sender);
                position += WriteString(span[position..], message.SenderName);
                break;
            default:
                break;
        }

        output.Advance(position);
    }

    /// <summary>
    /// Reads one whole frame from the front of <paramref name="buffer"/>, if there is one. Fields that repeat from
    /// frame to frame (all strings but grain keys) are decoded through <paramref name="strings"/>.
    /// </summary>
    public static bool TryRead(ref ReadOnlySequence<byte> buffer, Utf8StringCache strings, out Message? message)
    {
        message = null;
        if (buffer.Length < 4)
        {
            return false;
        }

        Span<byte> header = stackalloc byte[4];
        buffer.Slice(0, 4).CopyTo(header);
        var size = BinaryPrimitives.ReadInt32LittleEndian(header);
        if (size is < 9 or > MaxFrameSize)
        {
            throw new InvalidDataException($"Frame size {size} is out of range.");
        }

        if (buffer.Length < 4 + size)
        {
            return false;
        }

        var frame = buffer.Slice(4, size);
        var bytes = frame.IsSingleSegment ? frame.FirstSpan : frame.ToArray();
        message = Parse(bytes, strings);
        buffer = buffer.Slice(4 + size);
        return true;
    }

    private static Message Parse(ReadOnlySpan<byte> frame, Utf8StringCache strings)
    {
        var kind = (MessageKind)frame[0];
        var id = BinaryPrimitives.ReadInt64LittleEndian(frame[1..]);
        var position = 9;
        switch (kind)
        {
            case MessageKind.Request:
            {
                var type = ReadString(frame, ref position, strings);
                var key = ReadString(frame, ref position, strings: null);
                var method = ReadString(frame, ref position, strings);
                var timeout = BinaryPrimitives.ReadInt32LittleEndian(frame[position..]);
                position += 4;
                var hops = frame[position++];
                var body = ReadBody(frame, ref position);
                return new Message { Kind = kind, Id = id, Grain = new GrainId(type, key), Method = method, TimeoutMs = timeout, Hops = hops, Body = body };
            }

            case MessageKind.Response:
            {
                var status = (ResponseStatus)frame[position++];
                var sender = ReadString(frame, ref position, strings);
                var senderName = ReadString(frame, ref position, strings);
                var body = ReadBody(frame, ref position);
                return new Message { Kind = kind, Id = id, Status = status, Sender = sender, SenderName = senderName, Body = body };
            }

            case MessageKind.Hello:
            case MessageKind.HelloAck:
            {
                var sender = ReadString(frame, ref position, strings);
                var senderName = ReadString(frame, ref position, strings);
                return new Message { Kind = kind, Id = id, Sender = sender, SenderName = senderName };
            }

            case MessageKind.Ping:
            case MessageKind.Pong:
                return new Message { Kind = kind, Id = id };
            default:
                throw new InvalidDataException($"Unknown message kind {(byte)kind}.");
        }
    }

    private static int StringSize(string value)
    {
        var length = Encoding.UTF8.GetByteCount(value);
        if (length > ushort.MaxValue)
        {
            throw new ArgumentException("A string field of a message is longer than 65535 bytes.", nameof(value));
        }

        return 2 + length;
    }

    private static int WriteString(Span<byte> span, string value)
    {
        var length = Encoding.UTF8.GetBytes(value, span[2..]);
        BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)length);
        return 2 + length;
    }

    private static int WriteBody(Span<byte> span, ReadOnlySpan<byte> body)
    {
        BinaryPrimitives.WriteInt32LittleEndian(span, body.Length);
        body.CopyTo(span[4..]);
        return 4 + body.Length;
    }

    private static string ReadString(ReadOnlySpan<byte> frame, ref int position, Utf8StringCache? strings)
    {
        var length = BinaryPrimitives.ReadUInt16LittleEndian(frame[position..]);
        var bytes = frame.Slice(position + 2, length);
        var value = strings is null ? Encoding.UTF8.GetString(bytes) : strings.GetString(bytes);
        position += 2 + length;
        return value;
    }

    private static byte[] ReadBody(ReadOnlySpan<byte> frame, ref int position)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(frame[position..]);
        var body = frame.Slice(position + 4, length).ToArray();
        position += 4 + length;
        return body;
    }
}
