using System.Text.Json;
using System.Text.Json.Serialization;
using Grains.Gateway.Apis;
using Grains.Gateway.Authentication;

namespace Grains.Gateway.Serialization;

/// <summary>Source-generated JSON for the gateway's own request and response bodies and its token payload.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(CreatedSession))]
[JsonSerializable(typeof(AddCartItemRequest))]
[JsonSerializable(typeof(SetCartItemQuantityRequest))]
[JsonSerializable(typeof(SessionToken))]
public sealed partial class GatewayJsonContext : JsonSerializerContext;
