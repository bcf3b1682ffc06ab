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
catch (OptionsValidationException ex)
{
    return await ReportInvalidAsync(ex.Failures);
}
catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OptionsValidationException))
{
    // Several sections were invalid at once.
    return await ReportInvalidAsync(ex.InnerExceptions.Cast<OptionsValidationException>().SelectMany(e => e.Failures));
}
catch (InvalidOperationException ex) when (ex.InnerException is FormatException or OverflowException or ArgumentException)
{
    // The configuration binder could not convert a value (its message names the key and the type it wanted).
    return await ReportInvalidAsync([ex.Message]);
}

// A bad setting is the operator's to fix: say which, without a stack trace.
static async Task<int> ReportInvalidAsync(IEnumerable<string> failures)
{
    await Console.Error.WriteLineAsync($"The silo's configuration is invalid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", failures)}");
    return 2;
}
