namespace Grains.Showdown.Load;

internal enum Operation
{
    /// <summary>POST /api/sessions.</summary>
    SignIn,

    /// <summary>GET /api/cart.</summary>
    Read,

    /// <summary>POST /api/cart/items, one unit of a SKU.</summary>
    Write,
}
