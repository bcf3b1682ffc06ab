using Grains.Shop.Catalog;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;
using Grains.Shop.Contracts.Products;
using Grains.Shop.Hosting;
using Grains.Shop.Storage;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;
using Grains.Shop.Placement;

namespace Grains.Shop.Carts;

/// <summary>
/// A user's cart. Not reentrant: calls run one at a time, so concurrent adds to one cart are applied in some order and
/// none is lost. Every change is one write of <see cref="CartState"/>, awaited before the call returns. While active,
/// the cart is published in its silo's <see cref="LocalCarts"/> as of its last acknowledged change, so that the API in
/// the same process reads it without a grain call.
/// </summary>
[GrainType("cart")]
[UserPlacement]
public sealed partial class CartGrain(
    [PersistentState("cart", ShopStorage.Name)] IPersistentState<CartState> state,
    ProductCatalog catalog,
    LocalCarts localCarts,
    IOptions<CartOptions> options,
    TimeProvider timeProvider,
    ILogger<CartGrain> logger) : MigratingGrain, ICartGrain
{
    private readonly CartOptions _options = options.Value;

    // The cart as last shown, kept until its lines change: most calls read the cart, and it is built once per change.
    private (IReadOnlyList<CartLineState> Lines, long Version, Cart Cart)? _shown;

    // This activation's entry in LocalCarts, from its first call to its deactivation. Not published in OnActivateAsync:
    // an activation that Orleans ends before it becomes valid (a stop or a duplicate found while it activates) is not
    // given OnDeactivateAsync, and would leave its entry behind. Nothing is published once OnDeactivateAsync ran.
    private LocalCart? _published;
    private bool _ended;

    private string UserId => this.GetPrimaryKeyString();

    public Task<Cart> GetAsync() => Task.FromResult(Show());

    public async Task<Cart> AddItemAsync(AddCartItem command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var request = $"add {command.Sku} {command.Quantity}";
        if (FindReplay(command.IdempotencyKey, request, command.ReceivedAt) is { } replay)
        {
            // Only the newest entry holds the cart it produced; for an older one, the cart as it is now (which holds its change once).
            return replay.Lines is { } first ? ToCart(first, replay.Version) : ToCart(state.State.Lines, state.State.Version);
        }

        var product = RequireProduct(command.Sku);
        if (command.Quantity is < 1 or > CartLimits.MaxQuantity)
        {
            throw new QuantityOutOfRangeException($"One add takes 1 to {CartLimits.MaxQuantity} units.");
        }

        var lines = state.State.Lines;
        var index = IndexOf(lines, command.Sku);
        var quantity = (index < 0 ? 0 : lines[index].Quantity) + command.Quantity;
        var next = ChangeLines(WithQuantity(lines, index, product, quantity));
        next = Remember(next, command.IdempotencyKey, request, lines: next.Lines, version: next.Version);
        await CommitAsync(next);
        return ToCart(next.Lines, next.Version);
    }

    public async Task<Cart> SetQuantityAsync(SetCartItemQuantity command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var product = RequireProduct(command.Sku);
        if (command.Quantity is < 0 or > CartLimits.MaxQuantity)
        {
            throw new QuantityOutOfRangeException($"A line holds 0 to {CartLimits.MaxQuantity} units.");
        }

        var lines = state.State.Lines;
        var index = IndexOf(lines, command.Sku);
        if (index < 0 ? command.Quantity == 0 : lines[index].Quantity == command.Quantity && lines[index].UnitPrice == product.Price)
        {
            return await GetAsync();
        }

        return await CommitLinesAsync(WithQuantity(lines, index, product, command.Quantity));
    }

    public async Task<Cart> RemoveItemAsync(string sku)
    {
        var product = RequireProduct(sku);
        var index = IndexOf(state.State.Lines, sku);
        return index < 0
            ? await GetAsync()
            : await CommitLinesAsync(WithQuantity(state.State.Lines, index, product, 0));
    }

    public async Task ClearAsync()
    {
        if (state.State.Lines.Count > 0)
        {
            await CommitLinesAsync([]);
        }
    }

    private Product RequireProduct(string? sku) =>
        sku is not null && catalog.TryGet(sku, out var product)
            ? product
            : throw new UnknownSkuException("The SKU is not in the catalog.");

    private static int IndexOf(IReadOnlyList<CartLineState> lines, string sku)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            if (string.Equals(lines[i].Sku, sku, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The lines with line <paramref name="index"/> (or a new line, when -1) set to <paramref name="quantity"/>, checked against the limits.</summary>
    private static IReadOnlyList<CartLineState> WithQuantity(IReadOnlyList<CartLineState> lines, int index, Product product, int quantity)
    {
        if (quantity > CartLimits.MaxQuantity)
        {
            throw new QuantityOutOfRangeException($"A line holds at most {CartLimits.MaxQuantity} units.");
        }

        if (index < 0 && quantity > 0 && lines.Count >= CartLimits.MaxLines)
        {
            throw new TooManyLinesException($"A cart holds at most {CartLimits.MaxLines} lines.");
        }

        var result = lines.ToList();
        var line = new CartLineState(product.Sku, quantity, product.Price);
        if (index < 0)
        {
            result.Add(line);
        }
        else if (quantity == 0)
        {
            result.RemoveAt(index);
        }
        else
        {
            result[index] = line;
        }

        return result;
    }

    private CartState ChangeLines(IReadOnlyList<CartLineState> lines) =>
        state.State with { Lines = lines, Version = state.State.Version + 1 };

    private async Task<Cart> CommitLinesAsync(IReadOnlyList<CartLineState> lines)
    {
        var next = ChangeLines(lines);
        await CommitAsync(next);
        return ToCart(next.Lines, next.Version);
    }

    /// <summary>Writes <paramref name="next"/> through and, once the store acknowledged it, shows it to this process's readers.</summary>
    private async Task CommitAsync(CartState next)
    {
        try
        {
            await state.CommitAsync(next);
        }
        catch (InconsistentStateException)
        {
            // Someone else wrote the cart: this activation's view may be stale, so nobody reads it any more.
            Withdraw();
            throw;
        }

        Show();
    }

    /// <summary>The cart as it is now, published in <see cref="LocalCarts"/> for the API beside this activation.</summary>
    private Cart Show()
    {
        var cart = ToCart(state.State.Lines, state.State.Version);
        if (_published is { } published)
        {
            published.Show(cart);
        }
        else if (!_ended)
        {
            _published = new LocalCart(cart);
            localCarts.Publish(UserId, _published);
        }

        return cart;
    }

    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        Withdraw();
        return base.OnDeactivateAsync(reason, cancellationToken);
    }

    /// <summary>Withdraws the cart from <see cref="LocalCarts"/> for good: this activation publishes nothing after it.</summary>
    private void Withdraw()
    {
        _ended = true;
        if (_published is { } published)
        {
            localCarts.Withdraw(UserId, published);
            _published = null;
        }
    }

    /// <summary>
    /// The lines as items. A change makes a new list but keeps the line records it did not touch, and the catalog does
    /// not change, so an item shown for the same line record at the same place is taken as it is: a change builds one item.
    /// </summary>
    private CartItem[] ToItems(IReadOnlyList<CartLineState> lines)
    {
        var shown = _shown;
        var items = new CartItem[lines.Count];
        for (var i = 0; i < items.Length; i++)
        {
            var line = lines[i];
            items[i] = shown is { } previous && i < previous.Lines.Count && ReferenceEquals(previous.Lines[i], line)
                ? previous.Cart.Items[i]
                : new CartItem(line.Sku, catalog.TryGet(line.Sku, out var product) ? product.Name : line.Sku, line.Quantity, line.UnitPrice, line.UnitPrice * line.Quantity);
        }

        return items;
    }

    private Cart ToCart(IReadOnlyList<CartLineState> lines, long version)
    {
        // State records are immutable and every change makes a new list of lines, so the same list is the same cart.
        if (_shown is { } shown && ReferenceEquals(shown.Lines, lines) && shown.Version == version)
        {
            return shown.Cart;
        }

        var items = ToItems(lines);
        var total = 0m;
        foreach (var item in items)
        {
            total += item.LineTotal;
        }

        var cart = new Cart(UserId, items, total, version);
        _shown = (lines, version, cart);
        return cart;
    }
}
