using System.Diagnostics.CodeAnalysis;
using Grains.Shop.Contracts.Carts;
using Grains.Shop.Contracts.Serving;
using Microsoft.Extensions.DependencyInjection;

namespace Grains.Shop.Api.GrainCalls;

/// <summary>
/// Reads a cart that its grain published in this process (<see cref="LocalCarts"/>), as the grain itself would answer
/// it, with no grain call: the request lands where the state is, and is served from memory. The read counts as a grain
/// call answered in this process for <c>X-Silo</c> and <c>X-Locality</c>. The lease is checked after the read, as the
/// lease's call filter checks it after a call: a cart read while the lease held was read while no other activation of
/// the grain could serve. Outside a silo (the showdown's client gateways) nothing is published and every read calls the grain.
/// </summary>
public sealed class LocalCartReader(IServiceProvider services)
{
    private readonly LocalCarts? _carts = services.GetService<LocalCarts>();
    private readonly IServingLease? _lease = services.GetService<IServingLease>();
    private readonly string? _silo = services.GetService<ILocalSiloDetails>()?.Name;

    /// <summary>The cart of <paramref name="userId"/>, when its grain is active in this process and the silo may answer for it.</summary>
    public bool TryRead(string userId, [NotNullWhen(true)] out Cart? cart)
    {
        if (_silo is null || _carts is null || !_carts.TryGet(userId, out cart) || _lease is { IsHeld: false })
        {
            cart = null;
            return false;
        }

        ServingSilo.Current?.Record(_silo, inProcess: true);
        return true;
    }
}
