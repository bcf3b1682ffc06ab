namespace Grains.Benchmarks.HttpGateway;

/// <summary>Every target of the gateway benchmark, in the order they are loaded in each round.</summary>
internal static class GatewayTargets
{
    public const string CartPath = "/api/cart";

    public static IReadOnlyList<GatewayTarget> All { get; } =
    [
        new("bare", GatewayHost.Bare, CartPath, TokenPlacement.None, "bare Kestrel: fixed bytes"),
        new("silo", GatewayHost.Silo, CartPath, TokenPlacement.Bearer, "a silo's own endpoint: GET /api/cart, read from the cart its grain published in the process"),
        new("gateway", GatewayHost.Gateway, CartPath, TokenPlacement.Bearer, "the real gateway in front of that silo: GET /api/cart"),
        new("variants-cart", GatewayHost.Variants, CartPath, TokenPlacement.Bearer, "GET /api/cart on the variants silo (same code as a silo)"),
        new("cart-unfiltered", GatewayHost.Variants, GatewayVariants.CartWithoutFilterPath, TokenPlacement.Bearer, "session + rate limit + published cart + JSON, no GrainCallFilter"),
        new("cart-token", GatewayHost.Variants, GatewayVariants.CartWithTokenOnlyPath, TokenPlacement.BenchHeader, "HMAC check + cart grain + JSON: no session grain call"),
        new("session-limited", GatewayHost.Variants, GatewayVariants.SessionLimitedPath, TokenPlacement.Bearer, "session check (HMAC + TouchAsync) + rate limit, fixed bytes"),
        new("session", GatewayHost.Variants, GatewayVariants.SessionPath, TokenPlacement.Bearer, "session check (HMAC + TouchAsync), fixed bytes"),
        new("token", GatewayHost.Variants, GatewayVariants.TokenOnlyPath, TokenPlacement.BenchHeader, "HMAC check of the token only, fixed bytes"),
        new("grain", GatewayHost.Variants, GatewayVariants.GrainPath, TokenPlacement.None, "cart grain call + JSON, no session"),
        new("grain-bytes", GatewayHost.Variants, GatewayVariants.GrainBytesPath, TokenPlacement.None, "cart grain call, fixed bytes"),
        new("json", GatewayHost.Variants, GatewayVariants.JsonPath, TokenPlacement.None, "JSON of a cached cart, no grain call"),
        new("pipeline", GatewayHost.Variants, GatewayVariants.PipelinePath, TokenPlacement.None, "the API's middleware, anonymous, fixed bytes"),
    ];
}
