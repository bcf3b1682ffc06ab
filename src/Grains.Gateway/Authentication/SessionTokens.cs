using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grains.Gateway.Hosting;
using Grains.Gateway.Serialization;
using Microsoft.Extensions.Options;

namespace Grains.Gateway.Authentication;

/// <summary>
/// Issues and checks session tokens: <c>base64url(json payload) "." base64url(HMAC-SHA256(payload))</c>, keyed by
/// <see cref="GatewayOptions.TokenKey"/>. Any gateway with the same key accepts any other's tokens, which is what lets
/// gateways keep nothing in memory. A token does not expire by itself: the session grain decides.
/// </summary>
public sealed class SessionTokens(IOptions<GatewayOptions> options)
{
    private readonly byte[] _key = Encoding.UTF8.GetBytes(options.Value.TokenKey ?? throw new InvalidOperationException("Gateway:TokenKey is not set."));

    /// <summary>A new unguessable session id: 128 random bits, as 32 hexadecimal digits.</summary>
    public static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string Issue(SessionToken token)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(token, GatewayJsonContext.Default.SessionToken);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>Returns the token's content when its signature is valid; null for anything forged or malformed.</summary>
    public SessionToken? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1024)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0
            || !TryDecode(token.AsSpan(0, dot), out var payload)
            || !TryDecode(token.AsSpan(dot + 1), out var signature)
            || !CryptographicOperations.FixedTimeEquals(signature, HMACSHA256.HashData(_key, payload)))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(payload, GatewayJsonContext.Default.SessionToken) is { SessionId.Length: > 0, UserId.Length: > 0 } content
                ? content
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        if (!Base64Url.IsValid(text, out var length))
        {
            bytes = [];
            return false;
        }

        bytes = new byte[length];
        return Base64Url.TryDecodeFromChars(text, bytes, out _);
    }
}
