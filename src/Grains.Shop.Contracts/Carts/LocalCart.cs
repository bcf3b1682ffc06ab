namespace Grains.Shop.Contracts.Carts;

/// <summary>One active cart grain's entry in <see cref="LocalCarts"/>: the cart as of its last acknowledged change.</summary>
public sealed class LocalCart(Cart cart)
{
    private volatile Cart _cart = cart;

    /// <summary>The cart as of its last acknowledged change; <see cref="Cart"/> is immutable, so any thread may read it.</summary>
    public Cart Cart => _cart;

    /// <summary>The grain's change was acknowledged by the store: readers see <paramref name="cart"/> from now on.</summary>
    public void Show(Cart cart) => _cart = cart;
}
