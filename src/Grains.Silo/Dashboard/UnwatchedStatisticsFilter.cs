using System.Reflection;
using Grains.Shop.Contracts.Operators;
using Microsoft.Extensions.Options;

namespace Grains.Silo.Dashboard;

/// <summary>
/// Answers the Orleans dashboard's statistics sampling without a call while nobody watches. Every silo's dashboard
/// service asks Orleans' management grain for its silo's runtime statistics every
/// <see cref="SiloDashboardOptions.CounterUpdateInterval"/>, watched or not. While no gateway has signalled a watching
/// operator (<see cref="DashboardWatchSignal"/>) within <see cref="SiloDashboardOptions.CountersIdleTimeout"/>, this
/// outgoing call filter answers such a call from the silo with no statistics, which the dashboard records as a gap:
/// its charts fill from the moment someone looks.
/// </summary>
internal sealed class UnwatchedStatisticsFilter(DashboardWatchSignal signal, IOptions<SiloDashboardOptions> options) : IOutgoingGrainCallFilter
{
    private readonly TimeSpan _idleTimeout = options.Value.CountersIdleTimeout;

    public Task Invoke(IOutgoingGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (IsStatisticsSampling(context.InterfaceMethod) && !signal.WatchedWithin(_idleTimeout))
        {
            context.Result = Array.Empty<SiloRuntimeStatistics>();
            return Task.CompletedTask;
        }

        return context.Invoke();
    }

    /// <summary><c>IManagementGrain.GetRuntimeStatistics</c>, in any of its overloads.</summary>
    private static bool IsStatisticsSampling(MethodInfo method) =>
        method.DeclaringType == typeof(IManagementGrain) && method.Name == nameof(IManagementGrain.GetRuntimeStatistics);
}
