namespace Grains.Shop.Api.Apis;

public sealed record SetCartItemQuantityRequest(int? Quantity);
