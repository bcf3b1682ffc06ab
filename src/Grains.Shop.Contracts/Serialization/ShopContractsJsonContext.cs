using System.Text.Json;
using System.Text.Json.Serialization;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Orders;
using Grains.Shop.Contracts.Products;
using Grains.Shop.Contracts.Sessions;

namespace Grains.Shop.Contracts.Serialization;

/// <summary>Source-generated JSON for every argument and result of the shop's grain interfaces.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SessionInfo))]
[JsonSerializable(typeof(Cart))]
[JsonSerializable(typeof(AddCartItem))]
[JsonSerializable(typeof(SetCartItemQuantity))]
[JsonSerializable(typeof(Checkout))]
[JsonSerializable(typeof(Order))]
[JsonSerializable(typeof(IReadOnlyList<Order>))]
[JsonSerializable(typeof(ListOrders))]
[JsonSerializable(typeof(OrderSlice))]
[JsonSerializable(typeof(IReadOnlyList<Product>))]
[JsonSerializable(typeof(string))]
public sealed partial class ShopContractsJsonContext : JsonSerializerContext;
