using Grains.Gateway.Tests.Infrastructure;

namespace Grains.Gateway.Tests.Browser;

/// <summary>A shop user with a cart, the silo that answered for it, and the client that speaks for the user.</summary>
public sealed record WatchedUser(string UserId, string Silo, ShopClient Client);
