using Grains.Hosting.Configuration;
using Grains.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.AddShopSilo();
    using var host = builder.Build();

    // Settings are checked, and the advertised host resolved, before the host starts: a failure inside its start is
    // also logged by the host, with a stack trace.
    host.Services.GetRequiredService<IStartupValidator>().Validate();
    host.Services.GetRequiredService<SiloEndpoints>();
    await host.RunAsync();
    return 0;
}
catch (Exception ex) when (InvalidConfiguration.Failures(ex) is { } failures)
{
    return await InvalidConfiguration.ReportAsync("silo", failures);
}
