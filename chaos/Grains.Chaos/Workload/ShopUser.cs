using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Grains.Chaos.Serialization;

namespace Grains.Chaos.Workload;

/// <summary>
/// One simulated user: signs in, then adds to the cart, reads it and checks out, one operation at a time, each write
/// with its own Idempotency-Key. Every operation goes into the history with its outcome.
/// </summary>
public sealed class ShopUser(string userId, GatewayClient gateways, History history, WorkloadOptions options, IReadOnlyList<string> skus, int seed)
{
    private readonly Random _random = new(seed);
    private string? _token;
    private int _sequence;
    private int _knownLines;

    public string UserId { get; } = userId;

    /// <summary>Signs in, trying again until <paramref name="deadline"/>; sign-in is not part of the checked history.</summary>
    public async Task SignInAsync(DateTimeOffset deadline)
    {
        while (true)
        {
            var (response, failure) = await gateways.SendAsync(
                g => GatewayClient.Request(HttpMethod.Post, g, "/api/sessions", token: null,
                    content: JsonContent.Create(new CreateSessionBody(UserId), ChaosJsonContext.Default.CreateSessionBody)),
                _random.Next(gateways.GatewayCount));
            if (response is { Status: (int)HttpStatusCode.Created })
            {
                var session = JsonSerializer.Deserialize(response.Body, ChaosJsonContext.Default.SessionView)!;
                history.AddSession(session.SessionId, UserId);
                _token = session.Token;
                return;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                throw new TimeoutException($"{UserId} could not sign in: {response?.Status.ToString(CultureInfo.InvariantCulture) ?? failure?.Error}.");
            }

            await Task.Delay(200);
        }
    }

    /// <summary>Runs operations until <paramref name="stop"/> is signalled; an operation under way is finished, never cut short.</summary>
    public async Task RunAsync(CancellationToken stop, TimeSpan signInTimeout)
    {
        while (!stop.IsCancellationRequested)
        {
            var operation = await RunOneAsync(Pick());
            history.Add(operation);
            if (operation.Status == (int)HttpStatusCode.Unauthorized && !stop.IsCancellationRequested)
            {
                // The checker counts the lost session; the user signs in again so the workload goes on.
                await SignInAsync(DateTimeOffset.UtcNow + signInTimeout);
            }

            try
            {
                await Task.Delay(options.ThinkTime, stop);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    /// <summary>Reads the cart and the orders once the cluster has healed, trying again until <paramref name="deadline"/>.</summary>
    public async Task<UserFinalState?> ReadFinalStateAsync(DateTimeOffset deadline)
    {
        CartView? cart = null;
        IReadOnlyList<OrderView>? orders = null;
        while (cart is null || orders is null)
        {
            cart ??= await TryGetAsync("/api/cart", ChaosJsonContext.Default.CartView);
            orders ??= cart is null ? null : await TryGetAllOrdersAsync();
            if (cart is not null && orders is not null)
            {
                break;
            }

            if (DateTimeOffset.UtcNow > deadline)
            {
                return null;
            }

            await Task.Delay(200);
        }

        return new UserFinalState(cart, orders);
    }

    private OperationKind Pick()
    {
        var roll = _random.Next(100);
        return roll < options.AddPercent ? OperationKind.Add
            : roll < options.AddPercent + options.ReadPercent ? OperationKind.Read
            // An empty cart cannot be checked out (409): the user adds instead, as a shopper would.
            : _knownLines > 0 ? OperationKind.Checkout : OperationKind.Add;
    }

    private async Task<Operation> RunOneAsync(OperationKind kind)
    {
        var id = history.NextId();
        var key = kind == OperationKind.Read ? null : $"{UserId}-{++_sequence}";
        var sku = kind == OperationKind.Add ? skus[_random.Next(skus.Count)] : null;
        var quantity = kind == OperationKind.Add ? _random.Next(1, options.MaxAddQuantity + 1) : 0;
        var invokedAt = RunClock.Now();
        var (response, failure) = await gateways.SendAsync(
            g => kind switch
            {
                OperationKind.Add => GatewayClient.Request(HttpMethod.Post, g, "/api/cart/items", _token, key,
                    JsonContent.Create(new AddItemBody(sku!, quantity), ChaosJsonContext.Default.AddItemBody)),
                OperationKind.Checkout => GatewayClient.Request(HttpMethod.Post, g, "/api/cart/checkout", _token, key),
                _ => GatewayClient.Request(HttpMethod.Get, g, "/api/cart", _token),
            },
            _random.Next(gateways.GatewayCount));
        var completedAt = RunClock.Now();
        var operation = new Operation(id, UserId, kind, invokedAt, completedAt, Outcome.Info, 0, sku, quantity, key);
        if (response is null)
        {
            return operation with
            {
                Outcome = failure!.Delivered ? Outcome.Info : Outcome.Fail,
                Gateway = failure.Gateway,
                Error = failure.Error,
            };
        }

        operation = operation with { Status = response.Status, Gateway = response.Gateway, Silo = response.Silo };
        if (response.Status is >= 400 and < 500)
        {
            return operation with { Outcome = Outcome.Fail, Error = Truncate(response.Body) };
        }

        if (response.Status is < 200 or >= 300)
        {
            return operation with { Error = Truncate(response.Body) };
        }

        try
        {
            if (kind == OperationKind.Checkout)
            {
                _knownLines = 0;
                return operation with { Outcome = Outcome.Ok, Order = JsonSerializer.Deserialize(response.Body, ChaosJsonContext.Default.OrderView) };
            }

            var cart = JsonSerializer.Deserialize(response.Body, ChaosJsonContext.Default.CartView)!;
            _knownLines = cart.Items.Count;
            return operation with { Outcome = Outcome.Ok, CartVersion = cart.Version };
        }
        catch (JsonException ex)
        {
            // An acknowledgement whose body cannot be read still took effect; the checker is told it is ok without details.
            return operation with { Outcome = Outcome.Ok, Error = $"unreadable body: {ex.Message}" };
        }
    }

    /// <summary>Every order, page after page of the largest size; null when a page could not be read (the next try starts over).</summary>
    private async Task<IReadOnlyList<OrderView>?> TryGetAllOrdersAsync()
    {
        var orders = new List<OrderView>();
        string? cursor = null;
        do
        {
            var path = cursor is null ? "/api/orders?limit=100" : $"/api/orders?limit=100&cursor={Uri.EscapeDataString(cursor)}";
            if (await TryGetAsync(path, ChaosJsonContext.Default.OrderListView) is not { } page)
            {
                return null;
            }

            orders.AddRange(page.Data);
            cursor = page.NextCursor;
        }
        while (cursor is not null);

        return orders;
    }

    private async Task<T?> TryGetAsync<T>(string path, JsonTypeInfo<T> type)
        where T : class
    {
        var (response, _) = await gateways.SendAsync(g => GatewayClient.Request(HttpMethod.Get, g, path, _token), _random.Next(gateways.GatewayCount));
        if (response is { Status: (int)HttpStatusCode.Unauthorized })
        {
            // The cart and orders belong to the user, not the session: a new session reads the same ones.
            await SignInAsync(DateTimeOffset.UtcNow.AddSeconds(10));
            return null;
        }

        return response is { Status: (int)HttpStatusCode.OK } ? JsonSerializer.Deserialize(response.Body, type) : null;
    }

    private static string Truncate(string body) => body.Length <= 300 ? body : body[..300];
}
