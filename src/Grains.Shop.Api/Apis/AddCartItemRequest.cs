namespace Grains.Shop.Api.Apis;

/// <summary>Fields are nullable so that a missing field is reported as such rather than read as a default.</summary>
public sealed record AddCartItemRequest(string? Sku, int? Quantity);
