using System.Text.Json;
using System.Text.Json.Serialization;
using Grains.Shop.Carts;
using Grains.Shop.Contracts.Products;
using Grains.Shop.Orders;
using Grains.Shop.Sessions;

namespace Grains.Shop.Serialization;

/// <summary>Source-generated JSON for the grains' stored state and for the catalog's data file.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SessionState))]
[JsonSerializable(typeof(CartState))]
[JsonSerializable(typeof(OrdersState))]
[JsonSerializable(typeof(OrderPageState))]
[JsonSerializable(typeof(IReadOnlyList<Product>))]
public sealed partial class ShopStateJsonContext : JsonSerializerContext;
