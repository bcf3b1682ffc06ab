namespace Grains.Chaos.Workload;

public enum OperationKind
{
    /// <summary><c>POST /api/cart/items</c> with its own Idempotency-Key.</summary>
    Add,

    /// <summary><c>GET /api/cart</c>.</summary>
    Read,

    /// <summary><c>POST /api/cart/checkout</c> with its own Idempotency-Key.</summary>
    Checkout,
}
