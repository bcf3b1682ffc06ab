using Grains.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

try
{
    var builder = Host.CreateApplicationBuilder(args);
    builder.AddShopSilo();
    using var host = builder.Build();
    await host.RunAsync();
    return 0;
}
catch (OptionsValidationException ex)
{
    // A bad setting is the operator's to fix: say which, without a stack trace.
    await Console.Error.WriteLineAsync($"The silo's configuration is invalid:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", ex.Failures)}");
    return 2;
}
