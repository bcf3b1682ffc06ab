using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Grains.Shop.Api.Apis;

/// <summary>
/// The cursors of the order list: <c>base64url(version, position, MAC)</c>, where the position is that of the oldest
/// order listed so far (positions never move, so a cursor stays valid while orders are added) and the MAC is the first
/// 16 bytes of HMAC-SHA256 over the user and the position, keyed by the API's token key. A cursor is thus opaque, cannot
/// be made up, and works for its user only, on every silo of the cluster.
/// </summary>
public sealed class OrderCursors(string key)
{
    private const byte Version = 1;
    private const int MacLength = 16;
    private const int Length = 1 + sizeof(long) + MacLength;

    /// <summary>The longest text that can be a cursor; anything longer is refused unread.</summary>
    public const int MaxTextLength = 64;

    private static readonly byte[] s_purpose = "grains.order-cursor\0"u8.ToArray();

    private readonly byte[] _key = Encoding.UTF8.GetBytes(key ?? throw new ArgumentNullException(nameof(key)));

    public string Issue(string userId, long position)
    {
        ArgumentNullException.ThrowIfNull(userId);
        ArgumentOutOfRangeException.ThrowIfNegative(position);
        var cursor = new byte[Length];
        cursor[0] = Version;
        BinaryPrimitives.WriteInt64BigEndian(cursor.AsSpan(1), position);
        Mac(userId, cursor.AsSpan(0, 1 + sizeof(long))).CopyTo(cursor.AsSpan(1 + sizeof(long)));
        return Base64Url.EncodeToString(cursor);
    }

    /// <summary>The position <paramref name="cursor"/> stands for, when <see cref="Issue"/> made it for <paramref name="userId"/>; null for anything else.</summary>
    public long? Read(string userId, string? cursor)
    {
        ArgumentNullException.ThrowIfNull(userId);
        Span<byte> bytes = stackalloc byte[Length];
        if (cursor is not { Length: > 0 and <= MaxTextLength }
            || !Base64Url.IsValid(cursor, out var length) || length != Length
            || !Base64Url.TryDecodeFromChars(cursor, bytes, out _)
            || bytes[0] != Version
            || !CryptographicOperations.FixedTimeEquals(bytes[(1 + sizeof(long))..], Mac(userId, bytes[..(1 + sizeof(long))])))
        {
            return null;
        }

        var position = BinaryPrimitives.ReadInt64BigEndian(bytes[1..]);
        return position >= 0 ? position : null;
    }

    private byte[] Mac(string userId, ReadOnlySpan<byte> body)
    {
        var user = Encoding.UTF8.GetBytes(userId);
        byte[] message = [.. s_purpose, .. user, 0, .. body];
        return HMACSHA256.HashData(_key, message)[..MacLength];
    }
}
