using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Dashboard;

namespace Grains.Silo.Dashboard;

/// <summary>
/// Finds the Orleans dashboard's silo host as <c>AddDashboard</c> registered it. The type is internal to the package, so
/// it is found by what it is (the package's one service that is a hosted service, a silo lifecycle participant and
/// disposable), never by name; a package that changes that shape stops the silo at start instead of leaving the
/// dashboard's export running unwatched.
/// </summary>
internal static class DashboardHostType
{
    public static Type Find(IServiceCollection services)
    {
        var package = typeof(DashboardOptions).Assembly;
        var hosts = services.Select(d => d.ServiceType)
            .Where(t => t.Assembly == package
                && typeof(IHostedService).IsAssignableFrom(t)
                && typeof(ILifecycleParticipant<ISiloLifecycle>).IsAssignableFrom(t)
                && typeof(IDisposable).IsAssignableFrom(t))
            .Distinct()
            .ToList();
        return hosts.Count == 1
            ? hosts[0]
            : throw new InvalidOperationException(
                $"Expected the Orleans dashboard to register one silo host that takes part in the silo's lifecycle; found {hosts.Count}. " +
                "Its package changed: see DashboardCountersSwitch.");
    }
}
