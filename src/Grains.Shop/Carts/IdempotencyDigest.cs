using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Grains.Shop.Carts;

/// <summary>
/// The fixed-size digests a cart stores instead of idempotency keys and requests: leading bytes of their SHA-256, in
/// base64url, which JSON writes as it is. 16 bytes of a key make a collision between two keys of one user out of reach;
/// 6 bytes of a request only tell a reused key from a retry, where a collision would replay instead of answering 422.
/// </summary>
internal static class IdempotencyDigest
{
    private const int KeyBytes = 16;
    private const int RequestBytes = 6;

    /// <summary>22 characters.</summary>
    public static string Key(string key) => Of(key, KeyBytes);

    /// <summary>8 characters.</summary>
    public static string Request(string request) => Of(request, RequestBytes);

    private static string Of(string text, int length)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return Base64Url.EncodeToString(hash[..length]);
    }
}
