using Grains.Hosting.Configuration;
using Grains.Silo.Hosting;
using Grains.Silo.OpenApi;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddShopSilo();
    builder.PrepareForBuildTimeDocument();
    var app = builder.Build();

    // Settings are checked, and the advertised host resolved, before the host starts: a failure inside its start is
    // also logged by the host, with a stack trace.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    app.Services.GetRequiredService<SiloEndpoints>();
    app.UseShopSilo();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (InvalidConfiguration.Failures(ex) is { } failures)
{
    return await InvalidConfiguration.ReportAsync("silo", failures);
}

/// <summary>Named so that tests can host a silo with WebApplicationFactory.</summary>
public partial class Program;
