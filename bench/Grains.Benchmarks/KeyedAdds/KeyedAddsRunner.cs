using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Grains.Benchmarks.HttpGateway;
using Grains.Shop.Contracts.Carts;
using Grains.Testing;
using StackExchange.Redis;

namespace Grains.Benchmarks.KeyedAdds;

/// <summary>
/// Starts redis-server and one silo (src/Grains.Silo's built executable) on 127.0.0.1, signs in one user per key kind,
/// and sends that user's keyed adds one at a time to the silo's own endpoint, each with a key of its own as long as
/// the API allows. At each point it reads Redis's <c>INFO stats</c> before and after a window of adds, and the cart's
/// stored record after it. Stops the silo and Redis through the processes it holds.
/// </summary>
internal static class KeyedAddsRunner
{
    private const string InputBytesField = "total_net_input_bytes";

    /// <summary>The characters <c>System.Text.Json</c>'s default encoder writes as <c>\u00XX</c>.</summary>
    private const string EscapedCharacters = "<>&'\"+";

    public static async Task<IReadOnlyList<KeyedAddsSample>> RunAsync(KeyedAddsSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        await progress.WriteLineAsync("Starting redis-server and the silo...");
        await using var redis = await RedisServer.StartAsync(cancellationToken: cancellationToken);
        var options = ConfigurationOptions.Parse(redis.ConnectionString);
        options.AllowAdmin = true;
        await using var store = await ConnectionMultiplexer.ConnectAsync(options);
        var server = store.GetServer(redis.ConnectionString);
        var clusterId = $"bench-keys-{Guid.NewGuid():N}";
        var siloAssembly = RepositoryPaths.BuiltAssembly("Grains.Silo");
        var siloUrl = GatewayRunner.LoopbackUrl();
        var processes = new List<ProjectProcess>();
        try
        {
            var silo = GatewayRunner.Start(processes, "silo", siloAssembly,
                [$"--Redis:ConnectionString={redis.ConnectionString}", $"--Cluster:Id={clusterId}", "--Silo:Name=silo-1", "--Silo:Port=0", "--Silo:GatewayPort=0",
                    "--urls", siloUrl.ToString(), .. GatewayRunner.ContentRoot(siloAssembly)],
                GatewayRunner.SiloEnvironment(new Dictionary<string, string> { ["DOTNET_ENVIRONMENT"] = "Production" }));
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
            await GatewayRunner.WaitUntilOkAsync(http, new Uri(siloUrl, "/health/ready"), silo, cancellationToken);

            var idleRate = await IdleInputRateAsync(server, settings.Idle, cancellationToken);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Idle: Redis received {idleRate:N0} B/s with no request sent."));

            var samples = new List<KeyedAddsSample>();
            foreach (var kind in Enum.GetValues<KeyKind>())
            {
                if (!CartLimits.IsValidIdempotencyKey(Key(kind, 0)))
                {
                    await progress.WriteLineAsync($"{kind} keys are not allowed by the API: not measured.");
                    continue;
                }

                samples.AddRange(await RunKindAsync(kind, settings, idleRate, http, siloUrl, store, clusterId, server, progress, cancellationToken));
            }

            return samples;
        }
        finally
        {
            foreach (var process in processes)
            {
                await GatewayRunner.StopAsync(process);
            }
        }
    }

    /// <summary>A key as long as the API allows, unique by <paramref name="index"/>.</summary>
    public static string Key(KeyKind kind, int index)
    {
        var unique = index.ToString("D6", CultureInfo.InvariantCulture);
        var fill = kind == KeyKind.Plain ? "abcdefghijklmnopqrstuvwxyz" : EscapedCharacters;
        return string.Create(CartLimits.MaxIdempotencyKeyLength, unique, (span, prefix) =>
        {
            prefix.AsSpan().CopyTo(span);
            for (var i = prefix.Length; i < span.Length; i++)
            {
                span[i] = fill[i % fill.Length];
            }
        });
    }

    private static async Task<List<KeyedAddsSample>> RunKindAsync(
        KeyKind kind, KeyedAddsSettings settings, double idleRate, HttpClient http, Uri silo, ConnectionMultiplexer store, string clusterId, IServer server,
        TextWriter progress, CancellationToken cancellationToken)
    {
        var userId = $"bench-{kind.ToString().ToLowerInvariant()}";
        var token = await GatewayRunner.CreateSessionAsync(http, silo, userId, cancellationToken);
        var total = settings.Points.Max() + settings.Window;

        // One unit per add, spread over enough lines that none reaches its limit of 999 units: a cart of a few lines.
        var skus = await GatewayRunner.FirstSkusAsync(http, silo, Math.Max(3, (total + CartLimits.MaxQuantity - 1) / CartLimits.MaxQuantity), cancellationToken);
        RedisKey record = $"{clusterId}/state/cart/{userId}/cart";
        var samples = new List<KeyedAddsSample>();
        var sent = 0;
        foreach (var point in settings.Points.Order())
        {
            for (; sent < point; sent++)
            {
                await AddAsync(http, silo, token, skus[sent % skus.Count], Key(kind, sent), cancellationToken);
            }

            var before = await InputBytesAsync(server);
            var watch = Stopwatch.StartNew();
            for (var end = sent + settings.Window; sent < end; sent++)
            {
                await AddAsync(http, silo, token, skus[sent % skus.Count], Key(kind, sent), cancellationToken);
            }

            var elapsed = watch.Elapsed;
            var input = await InputBytesAsync(server) - before;
            var database = store.GetDatabase();
            var data = (string?)await database.HashGetAsync(record, "data") ?? throw new InvalidOperationException($"{record} holds no cart.");
            var sample = new KeyedAddsSample(kind, point, settings.Window, HeldKeys(data), input, idleRate * elapsed.TotalSeconds, await database.HashStringLengthAsync(record, "data"), elapsed);
            samples.Add(sample);
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  {kind}: after {point} keyed adds, {sample.InputBytesPerAdd:N0} B/add into Redis, cart record {sample.RecordBytes:N0} B, {sample.Held} keys held"));
        }

        return samples;
    }

    private static async Task AddAsync(HttpClient http, Uri silo, string token, string sku, string key, CancellationToken cancellationToken)
    {
        using var add = new HttpRequestMessage(HttpMethod.Post, new Uri(silo, "/api/cart/items"))
        {
            Content = JsonContent.Create(new { sku, quantity = 1 }),
        };
        add.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);

        // Without validation: HttpClient's header parser would refuse some visible ASCII characters the API accepts.
        add.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        using var response = await http.SendAsync(add, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"A keyed add answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
        }
    }

    /// <summary>Redis's input over <paramref name="idle"/> with nothing sent, per second: the silo's lease, membership and the like.</summary>
    private static async Task<double> IdleInputRateAsync(IServer server, TimeSpan idle, CancellationToken cancellationToken)
    {
        var before = await InputBytesAsync(server);
        var watch = Stopwatch.StartNew();
        await Task.Delay(idle, cancellationToken);
        return (await InputBytesAsync(server) - before) / watch.Elapsed.TotalSeconds;
    }

    private static async Task<long> InputBytesAsync(IServer server)
    {
        var stats = await server.InfoAsync("stats");
        var value = stats.SelectMany(g => g).FirstOrDefault(p => p.Key == InputBytesField).Value
            ?? throw new InvalidOperationException($"INFO stats has no {InputBytesField}: not a Redis server?");
        return long.Parse(value, CultureInfo.InvariantCulture);
    }

    /// <summary>The entries of every idempotency list in the stored cart, whatever its shape calls them.</summary>
    private static int HeldKeys(string data)
    {
        using var cart = JsonDocument.Parse(data);
        return cart.RootElement.EnumerateObject()
            .Where(p => p.Name.StartsWith("idempotency", StringComparison.Ordinal) && p.Value.ValueKind == JsonValueKind.Array)
            .Sum(p => p.Value.GetArrayLength());
    }
}
