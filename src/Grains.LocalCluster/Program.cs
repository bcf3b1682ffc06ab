using Grains.LocalCluster;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

var builder = Host.CreateApplicationBuilder(args);
builder.Configuration.AddCommandLine(args, new Dictionary<string, string>
{
    ["--silos"] = "LocalCluster:Silos",
    ["--silo-port"] = "LocalCluster:FirstSiloPort",
    ["--silo-gateway-port"] = "LocalCluster:FirstSiloGatewayPort",
    ["--silo-http-port"] = "LocalCluster:FirstSiloHttpPort",
    ["--gateway-port"] = "LocalCluster:GatewayPort",
    ["--redis-port"] = "LocalCluster:RedisPort",
    ["--cluster-id"] = "LocalCluster:ClusterId",
});
builder.Services.AddOptions<LocalClusterOptions>().Bind(builder.Configuration.GetSection(LocalClusterOptions.SectionName)).ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<LocalClusterOptions>, LocalClusterOptionsValidator>();
builder.Services.AddHostedService<LocalClusterService>();
builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(60));

await builder.Build().RunAsync();
