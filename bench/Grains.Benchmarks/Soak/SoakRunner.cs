using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Grains.Benchmarks.HttpGateway;
using Grains.Testing;
using StackExchange.Redis;

namespace Grains.Benchmarks.Soak;

/// <summary>
/// Runs the shop as production does (<see cref="ShopProcesses"/>, the silos' default limits) with well-behaved users,
/// each from an address of its own, and one abusive client from another that signs in without end, sends keyed adds
/// with the longest keys whose characters JSON escapes, and checks out without end. Samples Redis every few seconds.
/// </summary>
internal static class SoakRunner
{
    private const byte AbusiveHost = 200;
    private static readonly TimeSpan s_requestTimeout = TimeSpan.FromSeconds(30);
    private static readonly string[] s_skus = ["TEA-001", "COF-001", "MUG-002"];
    private static readonly TimeSpan s_sampleInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan s_thinkTime = TimeSpan.FromMilliseconds(250);

    public static async Task<SoakResult> RunAsync(SoakSettings settings, TextWriter progress, CancellationToken cancellationToken)
    {
        var loadAtStart = GatewayRunner.LoadAverage();
        await using var processes = await ShopProcesses.StartAsync(settings.Silos, progress, cancellationToken);
        // INFO is an admin command to StackExchange.Redis.
        await using var store = await ConnectionMultiplexer.ConnectAsync($"{processes.Redis.ConnectionString},allowAdmin=true");
        var redis = store.GetServer(store.GetEndPoints().Single());

        await progress.WriteLineAsync($"Signing in {settings.Users} well-behaved users...");
        var users = new List<(HttpClient Http, string Token)>();
        try
        {
            for (var i = 0; i < settings.Users; i++)
            {
                var http = LoopbackClients.From(LoopbackClients.Address((byte)(10 + i)), processes.Gateway, timeout: s_requestTimeout);
                users.Add((http, await SignInAsync(http, $"user-{i}", cancellationToken)));
            }

            using var abusive = LoopbackClients.From(LoopbackClients.Address(AbusiveHost), processes.Gateway, timeout: s_requestTimeout);
            var started = Stopwatch.GetTimestamp();
            var samples = new List<RedisSample> { await SampleAsync(redis, TimeSpan.Zero) };
            await progress.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Soaking for {settings.Duration.TotalSeconds:0} s: {settings.Users} users, one abusive client with {settings.AbusiveLoops} requests in flight..."));
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            stop.CancelAfter(settings.Duration);
            var wellBehaved = new SoakCounts();
            var abuse = new SoakCounts();
            var abusiveTokens = new AbusiveSessions();
            var work = users.Select((u, i) => RunUserAsync(u.Http, u.Token, i, wellBehaved, stop.Token))
                .Concat(Enumerable.Range(0, settings.AbusiveLoops).Select(i => RunAbusiveLoopAsync(abusive, abusiveTokens, i, abuse, stop.Token)))
                .ToList();
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(s_sampleInterval, CancellationToken.None);
                samples.Add(await SampleAsync(redis, Stopwatch.GetElapsedTime(started)));
            }

            await Task.WhenAll(work);
            cancellationToken.ThrowIfCancellationRequested();
            samples.Add(await SampleAsync(redis, Stopwatch.GetElapsedTime(started)));
            return new SoakResult(settings, loadAtStart, GatewayRunner.LoadAverage(), wellBehaved.Snapshot(), abuse.Snapshot(), abusiveTokens.Count, samples);
        }
        finally
        {
            foreach (var (http, _) in users)
            {
                http.Dispose();
            }
        }
    }

    /// <summary>Signs in, waiting out the limits' <c>Retry-After</c> if need be, for at most a minute.</summary>
    private static async Task<string> SignInAsync(HttpClient http, string userId, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(60 * Stopwatch.Frequency);
        while (true)
        {
            using var response = await http.PostAsJsonAsync("/api/sessions", new { userId }, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Created)
            {
                return (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("token").GetString()!;
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new InvalidOperationException($"{userId} could not sign in: {(int)response.StatusCode}.");
            }

            await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1), cancellationToken);
        }
    }

    /// <summary>
    /// A shopper: adds with a key of its own, reads the cart, checks out now and then (1 request in 100 while the cart
    /// has lines: about 2 a minute, well within the checkout limit), pausing between requests.
    /// </summary>
    private static async Task RunUserAsync(HttpClient http, string token, int seed, SoakCounts counts, CancellationToken stop)
    {
        var random = new Random(seed);
        var sequence = 0;
        var lines = false;
        while (!stop.IsCancellationRequested)
        {
            var roll = random.Next(100);
            var (kind, request) = roll < 35 ? ("read", new HttpRequestMessage(HttpMethod.Get, "/api/cart"))
                : roll < 36 && lines ? ("checkout", new HttpRequestMessage(HttpMethod.Post, "/api/cart/checkout"))
                : ("add", AddRequest(s_skus[random.Next(s_skus.Length)]));
            if (kind != "read")
            {
                request.Headers.Add("Idempotency-Key", string.Create(CultureInfo.InvariantCulture, $"soak-{seed}-{++sequence}"));
            }

            var status = await SendAsync(http, request, token, CancellationToken.None);
            counts.Add(kind, status);
            lines = kind switch { "add" => lines || status == 200, "checkout" => lines && status != 201, _ => lines };
            try
            {
                await Task.Delay(s_thinkTime, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Signs in a new user, then adds and checks out on one of the sessions it got, with the longest keys: again and again.</summary>
    private static async Task RunAbusiveLoopAsync(HttpClient http, AbusiveSessions sessions, int loop, SoakCounts counts, CancellationToken stop)
    {
        var sequence = 0L;
        while (!stop.IsCancellationRequested)
        {
            using (var signIn = new HttpRequestMessage(HttpMethod.Post, "/api/sessions")
            {
                Content = JsonContent.Create(new { userId = string.Create(CultureInfo.InvariantCulture, $"abuser-{loop}-{sequence}") }),
            })
            {
                using var response = await SendRawAsync(http, signIn);
                counts.Add("sign-in", response is null ? 0 : (int)response.StatusCode);
                if (response?.StatusCode == HttpStatusCode.Created)
                {
                    sessions.Add((await response.Content.ReadFromJsonAsync<JsonElement>(CancellationToken.None)).GetProperty("token").GetString()!);
                }
            }

            if (sessions.Next() is not { } token)
            {
                sequence++;
                continue;
            }

            var add = AddRequest(s_skus[(int)(sequence % s_skus.Length)]);
            add.Headers.Add("Idempotency-Key", LongestKey(loop, sequence));
            counts.Add("add", await SendAsync(http, add, token, CancellationToken.None));
            var checkout = new HttpRequestMessage(HttpMethod.Post, "/api/cart/checkout");
            checkout.Headers.Add("Idempotency-Key", LongestKey(loop + 1_000, sequence));
            counts.Add("checkout", await SendAsync(http, checkout, token, CancellationToken.None));
            sequence++;
        }
    }

    /// <summary>128 characters, the most a key may have, nearly all of them one that JSON escapes to six bytes.</summary>
    private static string LongestKey(int loop, long sequence) =>
        new string('<', 108) + string.Create(CultureInfo.InvariantCulture, $"{loop:D4}{sequence:D16}");

    private static HttpRequestMessage AddRequest(string sku) => new(HttpMethod.Post, "/api/cart/items")
    {
        Content = new StringContent($$"""{"sku":"{{sku}}","quantity":1}""", Encoding.UTF8, "application/json"),
    };

    private static async Task<int> SendAsync(HttpClient http, HttpRequestMessage request, string token, CancellationToken cancellationToken)
    {
        using (request)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            using var response = await SendRawAsync(http, request, cancellationToken);
            return response is null ? 0 : (int)response.StatusCode;
        }
    }

    /// <summary>The answer, or null when none came (refused, broken, or no answer within the client's timeout).</summary>
    private static async Task<HttpResponseMessage?> SendRawAsync(HttpClient http, HttpRequestMessage request, CancellationToken cancellationToken = default)
    {
        try
        {
            var response = await http.SendAsync(request, cancellationToken);
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            return null;
        }
    }

    private static async Task<RedisSample> SampleAsync(IServer redis, TimeSpan at)
    {
        var memory = (await redis.InfoAsync("memory")).SelectMany(g => g).First(p => p.Key == "used_memory").Value;
        return new RedisSample(at, await redis.DatabaseSizeAsync(), long.Parse(memory, CultureInfo.InvariantCulture));
    }
}
