namespace Grains.Gateway.Apis;

public sealed record SetCartItemQuantityRequest(int? Quantity);
