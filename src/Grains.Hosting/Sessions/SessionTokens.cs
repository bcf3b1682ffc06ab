using System.Buffers.Text;
using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Grains.Hosting.Serialization;

namespace Grains.Hosting.Sessions;

/// <summary>
/// Issues and checks session tokens: <c>base64url(json payload) "." base64url(HMAC-SHA256(payload))</c>, keyed by the
/// API's token key. Any silo with the same key accepts any other's tokens. A token does not expire by itself: the
/// session grain decides. A gateway reads a token's user without checking it (<see cref="ReadUserUnchecked"/>), only to
/// route the request; the silo that serves it checks it.
/// </summary>
/// <remarks>
/// Every request of a session carries the same token, so a token whose signature held is remembered (by its exact
/// text, up to <see cref="MemoSize"/> of them, all forgotten at once when full) and not checked again: the HMAC and
/// the payload's parse run once per session, not per request (docs/benchmarks.md measures them). Only a token that was
/// verified with this key is ever remembered, and a remembered token says only who the session is: whether it is
/// still live is asked of the session on every request.
/// </remarks>
public sealed class SessionTokens(string key)
{
    /// <summary>The longest token accepted; anything longer is refused unread.</summary>
    public const int MaxLength = 1024;

    /// <summary>Verified tokens remembered at most: about 5 MB.</summary>
    public const int MemoSize = 10_000;

    private readonly byte[] _key = Encoding.UTF8.GetBytes(key ?? throw new ArgumentNullException(nameof(key)));
    private readonly ConcurrentDictionary<string, SessionToken> _verified = new(StringComparer.Ordinal);
    private int _remembered;

    /// <summary>A new unguessable session id: 128 random bits, as 32 hexadecimal digits.</summary>
    public static string NewSessionId() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public string Issue(SessionToken token)
    {
        var payload = JsonSerializer.SerializeToUtf8Bytes(token, HostingJsonContext.Default.SessionToken);
        return $"{Base64Url.EncodeToString(payload)}.{Base64Url.EncodeToString(HMACSHA256.HashData(_key, payload))}";
    }

    /// <summary>Returns the token's content when its signature is valid; null for anything forged or malformed.</summary>
    public SessionToken? Read(string? token)
    {
        if (token is not null && _verified.TryGetValue(token, out var known))
        {
            return known;
        }

        if (Split(token) is not var (payload, signature)
            || !TryDecode(signature, out var signatureBytes)
            || !CryptographicOperations.FixedTimeEquals(signatureBytes, HMACSHA256.HashData(_key, payload))
            || Deserialize(payload) is not { } content)
        {
            return null;
        }

        Remember(token!, content);
        return content;
    }

    private void Remember(string token, SessionToken content)
    {
        if (Interlocked.Increment(ref _remembered) > MemoSize)
        {
            // Full: start again rather than track which token was used last; a forgotten token is only checked again.
            _verified.Clear();
            Interlocked.Exchange(ref _remembered, 1);
        }

        _verified[token] = content;
    }

    /// <summary>
    /// The user a token names, without checking its signature: for routing only, never for deciding who may do what.
    /// Null when the token is malformed. Reads the payload in place, for the gateway, which does this for every request.
    /// </summary>
    public static string? ReadUserUnchecked(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        Span<byte> payload = stackalloc byte[MaxLength];
        if (dot <= 0 || !Base64Url.IsValid(token.AsSpan(0, dot), out var length)
            || !Base64Url.TryDecodeFromChars(token.AsSpan(0, dot), payload, out length))
        {
            return null;
        }

        try
        {
            var reader = new Utf8JsonReader(payload[..length]);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isUser = reader.ValueTextEquals("userId"u8);
                reader.Read();
                if (isUser)
                {
                    return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 } user ? user : null;
                }

                reader.Skip();
            }

            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>The token of an <c>Authorization: Bearer &lt;token&gt;</c> header, or null.</summary>
    public static string? FromAuthorizationHeader(string? header) =>
        header is { Length: > 7 } && header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : null;

    private static (byte[] Payload, string Signature)? Split(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > MaxLength)
        {
            return null;
        }

        var dot = token.IndexOf('.', StringComparison.Ordinal);
        return dot > 0 && TryDecode(token.AsSpan(0, dot), out var payload) ? (payload, token[(dot + 1)..]) : null;
    }

    private static SessionToken? Deserialize(byte[] payload)
    {
        try
        {
            return JsonSerializer.Deserialize(payload, HostingJsonContext.Default.SessionToken) is { SessionId.Length: > 0, UserId.Length: > 0 } content
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
