using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Grains.Silo.Dashboard;

/// <summary>
/// Finds, as <c>AddDashboard</c> registered them, the two parts of the Orleans dashboard's silo half that run on a
/// timer of their own whether anyone watches or not:
/// <list type="bullet">
/// <item>its silo host, whose OpenTelemetry reader collects every Orleans instrument each second: the package's one
/// service that is a hosted service, a silo lifecycle participant and disposable;</item>
/// <item>its grain-method profiler, whose timer wakes each second to send what it profiled (nothing, unless someone
/// looks): the package's one other service implemented by a silo lifecycle participant that is disposable.</item>
/// </list>
/// Both types are internal to the package, so they are found by what they are, never by name. A package that changes
/// that shape stops the silo at start instead of leaving the dashboard's timers running unwatched.
/// </summary>
internal static class DashboardTimedParts
{
    public static IReadOnlyList<Type> Find(IServiceCollection services)
    {
        var package = typeof(DashboardOptions).Assembly;
        var hosts = services.Select(d => d.ServiceType)
            .Where(t => t.Assembly == package && typeof(IHostedService).IsAssignableFrom(t) && IsTimedPart(t))
            .Distinct()
            .ToList();
        var profilers = services
            .Where(d => d.ServiceType.Assembly == package && d.ServiceType.IsInterface
                && d.ImplementationType is { } implementation
                && !typeof(IHostedService).IsAssignableFrom(implementation) && IsTimedPart(implementation))
            .Select(d => d.ServiceType)
            .Distinct()
            .ToList();
        return hosts.Count == 1 && profilers.Count == 1
            ? [hosts[0], profilers[0]]
            : throw new InvalidOperationException(
                $"Expected the Orleans dashboard to register one silo host and one grain-method profiler that take part in the silo's lifecycle; found {hosts.Count} and {profilers.Count}. " +
                "Its package changed: see DashboardCountersSwitch.");
    }

    private static bool IsTimedPart(Type type) =>
        typeof(ILifecycleParticipant<ISiloLifecycle>).IsAssignableFrom(type) && typeof(IDisposable).IsAssignableFrom(type);
}
