using Grains.Gateway.Hosting;
using Grains.Hosting.Configuration;
using Microsoft.Extensions.Options;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddGateway();
    var app = builder.Build();

    // Settings are checked before the host starts: a failure inside its start is also logged by the host, with a stack trace.
    app.Services.GetRequiredService<IStartupValidator>().Validate();
    app.UseGateway();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (InvalidConfiguration.Failures(ex) is { } failures)
{
    return await InvalidConfiguration.ReportAsync("gateway", failures);
}

/// <summary>Named so that tests can host the gateway with WebApplicationFactory.</summary>
public partial class Program;
