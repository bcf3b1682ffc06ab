using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Grains.Shop.Api.Serialization;
using Grains.Shop.Contracts.Carts;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Grains.Shop.Api.GrainCalls;

/// <summary>
/// The JSON answer of a cart read from its published copy (<see cref="LocalCartReader"/>), rendered once per change of
/// the cart instead of once per read: a cart grain publishes a new <see cref="Cart"/> with each change and the same one
/// until then, so the answer is kept for as long as that instance lives, and goes with it. Rendered with the API's own
/// JSON options, so the bytes are those <c>TypedResults.Ok</c> would write.
/// </summary>
public sealed class PublishedCartJson
{
    private readonly ConditionalWeakTable<Cart, RenderedJson> _answers = new();
    private readonly ConditionalWeakTable<Cart, RenderedJson>.CreateValueCallback _render;

    public PublishedCartJson(IOptions<JsonOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var typeInfo = (JsonTypeInfo<Cart>)options.Value.SerializerOptions.GetTypeInfo(typeof(Cart));
        _render = cart => new RenderedJson(JsonSerializer.SerializeToUtf8Bytes(cart, typeInfo));
    }

    public RenderedJson AnswerFor(Cart cart) => _answers.GetValue(cart, _render);
}
