using System.Text.Json;
using System.Text.Json.Serialization;
using Grains.Shop.Api.Apis;
using Grains.Shop.Api.Authentication;

namespace Grains.Shop.Api.Serialization;

/// <summary>Source-generated JSON for the API's own request and response bodies.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(CreateSessionRequest))]
[JsonSerializable(typeof(CreatedSession))]
[JsonSerializable(typeof(AddCartItemRequest))]
[JsonSerializable(typeof(SetCartItemQuantityRequest))]
[JsonSerializable(typeof(OrderList))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
