using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;
using Grains.Shop.Storage;
using Orleans.Storage;

namespace Grains.Shop.Carts;

/// <summary>
/// Checkout writes the new order, the emptied cart and the idempotency record in one write of the cart's state, with
/// the order in <see cref="CartState.PendingOrders"/>. Only then is the order handed to the orders grain, and taken out
/// of the outbox once that grain acknowledged it. A crash between the two writes leaves the order pending, to be
/// delivered again; the orders grain keys orders by id, so a second delivery adds nothing. The outbox holds at most
/// <see cref="CartOptions.PendingOrderLimit"/> orders: past that, checkout waits for the orders grain.
/// </summary>
public sealed partial class CartGrain
{
    private const string CheckoutRequest = "checkout";

    // How far before a compacted checkout's record its order may have been created, on a silo whose clock was behind.
    private static readonly TimeSpan s_clockSkewAllowance = TimeSpan.FromHours(1);

    public async Task<Order> CheckoutAsync(Checkout command)
    {
        ArgumentNullException.ThrowIfNull(command);
        if (FindReplay(command.IdempotencyKey, CheckoutRequest, command.ReceivedAt) is { } replay)
        {
            return await FindOrderAsync(replay.OrderId, DateTimeOffset.FromUnixTimeSeconds(replay.At) - s_clockSkewAllowance);
        }

        if (state.State.Lines.Count == 0)
        {
            throw new EmptyCartException("The cart is empty.");
        }

        var now = timeProvider.GetUtcNow();
        var recent = CheckoutsWithinWindow(now);
        if (recent.Count >= _options.CheckoutLimit)
        {
            var retryAfter = DateTimeOffset.FromUnixTimeMilliseconds(recent[0]) + _options.CheckoutLimitWindow - now;
            LogCheckoutLimited(logger, UserId, recent.Count);
            throw new CheckoutLimitException("Too many checkouts within the window.", retryAfter);
        }

        if (state.State.PendingOrders.Count >= _options.PendingOrderLimit)
        {
            await TryDeliverPendingOrdersAsync();
            if (state.State.PendingOrders.Count >= _options.PendingOrderLimit)
            {
                LogPendingOrdersFull(logger, UserId, state.State.PendingOrders.Count);
                throw new PendingOrdersFullException("Too many orders wait for the orders grain; checkout resumes once they are recorded.");
            }
        }

        var cart = ToCart(state.State.Lines, state.State.Version);
        var order = new Order(Guid.CreateVersion7().ToString("N"), cart.Items, cart.Total, now);
        var next = ChangeLines([]) with
        {
            PendingOrders = [.. state.State.PendingOrders, order],
            RecentCheckouts = [.. recent, now.ToUnixTimeMilliseconds()],
        };
        next = Remember(next, command.IdempotencyKey, CheckoutRequest, orderId: order.OrderId);
        await CommitAsync(next);
        LogCheckedOut(logger, UserId, order.OrderId, order.Items.Count);

        await TryDeliverPendingOrdersAsync();
        return order;
    }

    public async Task<OrderSlice> ListOrdersAsync(ListOrders query)
    {
        ArgumentNullException.ThrowIfNull(query);
        await TryDeliverPendingOrdersAsync();

        // Orders the orders grain has not acknowledged yet are the user's orders all the same.
        return await Orders.ListAsync(query, state.State.PendingOrders);
    }

    /// <summary>The times of the checkouts still within the limit's window, oldest first (a clock that went back keeps them all).</summary>
    private List<long> CheckoutsWithinWindow(DateTimeOffset now)
    {
        var since = (now - _options.CheckoutLimitWindow).ToUnixTimeMilliseconds();
        return [.. (state.State.RecentCheckouts ?? []).Where(at => at > since)];
    }

    private IOrdersGrain Orders => GrainFactory.GetGrain<IOrdersGrain>(UserId);

    /// <summary>The order of a checkout whose idempotency key was sent again: it is among the user's orders, delivered or pending.</summary>
    private async Task<Order> FindOrderAsync(string? orderId, DateTimeOffset createdAfter)
    {
        await TryDeliverPendingOrdersAsync();
        return state.State.PendingOrders.FirstOrDefault(o => string.Equals(o.OrderId, orderId, StringComparison.Ordinal))
            ?? (orderId is null ? null : await Orders.FindAsync(orderId, createdAfter))
            ?? throw new InvalidOperationException($"The order of an earlier checkout, {orderId}, is not among the user's orders.");
    }

    /// <summary>
    /// Hands pending orders to the orders grain, oldest first. A failure leaves them pending: the checkout already
    /// succeeded. They leave the outbox only all together, once each was acknowledged, so every order the orders grain
    /// recorded after the oldest pending one is itself still pending: the orders grain needs to remember only as many
    /// ids as the outbox may hold to tell a second delivery.
    /// </summary>
    private async Task TryDeliverPendingOrdersAsync()
    {
        var pending = state.State.PendingOrders;
        if (pending.Count == 0)
        {
            return;
        }

        try
        {
            foreach (var order in pending)
            {
                await Orders.RecordAsync(order);
            }

            var delivered = pending.Select(o => o.OrderId).ToHashSet(StringComparer.Ordinal);
            await CommitAsync(state.State with { PendingOrders = [.. state.State.PendingOrders.Where(o => !delivered.Contains(o.OrderId))] });
        }
        catch (InconsistentStateException ex)
        {
            LogDeliveryFailed(logger, UserId, pending.Count, ex);
            DeactivateOnIdle();
        }
#pragma warning disable CA1031 // Any failure leaves the orders pending, which is the safe outcome.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogDeliveryFailed(logger, UserId, pending.Count, ex);
        }
    }
}
