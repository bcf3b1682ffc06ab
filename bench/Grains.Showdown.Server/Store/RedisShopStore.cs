using System.Globalization;
using System.Text.Json;
using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Products;
using Grains.Showdown.Server.Hosting;
using Grains.Showdown.Server.Serialization;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Grains.Showdown.Server.Store;

/// <summary>
/// Sessions and carts in Redis only, read on every request. A session is a string key holding its user id, whose
/// expiry slides with one GETEX. A cart is a hash with its version (<c>v</c>) and its lines as JSON (<c>d</c>); a
/// change reads both, builds the next lines, and writes them with a Lua compare-and-set on the version. When another
/// server changed the cart in between, the script refuses and the change starts again from a fresh read.
/// </summary>
public sealed class RedisShopStore(IConnectionMultiplexer redis, ProductCatalog catalog, IOptions<ServerOptions> options) : IShopStore
{
    private const string CompareAndSet = """
        if (redis.call('HGET', KEYS[1], 'v') or '0') ~= ARGV[1] then
          return 0
        end
        redis.call('HSET', KEYS[1], 'v', ARGV[2], 'd', ARGV[3])
        return 1
        """;

    private static readonly RedisValue[] s_cartFields = ["v", "d"];

    private readonly IDatabase _database = redis.GetDatabase();
    private readonly TimeSpan _idleTimeout = options.Value.SessionIdleTimeout;
    private readonly int _maxAttempts = options.Value.MaxWriteAttempts;
    private long _writes;
    private long _retries;
    private long _givenUp;

    public ServerStats Stats => new(Interlocked.Read(ref _writes), Interlocked.Read(ref _retries), Interlocked.Read(ref _givenUp));

    public Task StartSessionAsync(string sessionId, string userId) =>
        _database.StringSetAsync(SessionKey(sessionId), userId, _idleTimeout);

    public async Task<bool> TouchSessionAsync(string sessionId, string userId) =>
        await _database.StringGetSetExpiryAsync(SessionKey(sessionId), _idleTimeout).ConfigureAwait(false) is { IsNull: false } owner
        && string.Equals(owner, userId, StringComparison.Ordinal);

    public async Task<Cart> GetCartAsync(string userId)
    {
        var (version, lines) = await ReadAsync(userId).ConfigureAwait(false);
        return CartLines.ToCart(userId, lines, version, catalog);
    }

    public async Task<Cart> AddItemAsync(string userId, Product product, int quantity)
    {
        for (var attempt = 1; attempt <= _maxAttempts; attempt++)
        {
            var (version, lines) = await ReadAsync(userId).ConfigureAwait(false);
            var next = CartLines.Add(lines, product, quantity);
            var written = (long)await _database.ScriptEvaluateAsync(
                CompareAndSet,
                [CartKey(userId)],
                [version, version + 1, JsonSerializer.Serialize(next, ServerJsonContext.Default.IReadOnlyListStoredLine)]).ConfigureAwait(false);
            if (written == 1)
            {
                Interlocked.Increment(ref _writes);
                return CartLines.ToCart(userId, next, version + 1, catalog);
            }

            Interlocked.Increment(ref _retries);
        }

        Interlocked.Increment(ref _givenUp);
        throw new WriteConflictException(string.Create(CultureInfo.InvariantCulture, $"The cart changed under every one of {_maxAttempts} attempts."));
    }

    private async Task<(long Version, IReadOnlyList<StoredLine> Lines)> ReadAsync(string userId)
    {
        var fields = await _database.HashGetAsync(CartKey(userId), s_cartFields).ConfigureAwait(false);
        return fields[0].IsNull
            ? (0, [])
            : ((long)fields[0], JsonSerializer.Deserialize((string)fields[1]!, ServerJsonContext.Default.IReadOnlyListStoredLine) ?? []);
    }

    private static RedisKey SessionKey(string sessionId) => $"showdown:session:{sessionId}";

    private static RedisKey CartKey(string userId) => $"showdown:cart:{userId}";
}
