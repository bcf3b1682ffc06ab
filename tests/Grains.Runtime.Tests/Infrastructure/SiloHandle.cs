using Grains.Runtime.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Grains.Runtime.Tests.Infrastructure;

/// <summary>One silo hosted in the test process.</summary>
public sealed class SiloHandle(IHost host)
{
    public IHost Host { get; } = host;

    public LocalSilo Silo { get; } = host.Services.GetRequiredService<LocalSilo>();

    public string Name => Silo.Name;

    public bool IsStopped { get; internal set; }

    public override string ToString() => Name;
}
