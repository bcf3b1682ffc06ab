using System.ComponentModel;
using Grains.Shop.Contracts.Orders;

namespace Grains.Shop.Api.Apis;

/// <summary>One page of the user's orders, newest first, as a list object: the orders, and how to ask for the next page.</summary>
public sealed record OrderList(
    [property: Description("The orders of this page, newest first.")] IReadOnlyList<Order> Data,
    [property: Description("Whether older orders follow this page.")] bool HasMore,
    [property: Description("Send it as `cursor` to get the next, older page; null on the last page. Opaque, and valid only for the user it was given to.")] string? NextCursor);
