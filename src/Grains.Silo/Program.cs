using Grains.Runtime.Hosting;
using Grains.Shop;
using Grains.Silo;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

var builder = Host.CreateApplicationBuilder(args);
builder.Services
    .AddGrainsSilo(builder.Configuration)
    .UseConfiguredStore(builder.Configuration)
    .AddShop(builder.Configuration)
    .AddConfiguredGrainAssemblies(builder.Configuration);

using var host = builder.Build();
var silo = host.Services.GetRequiredService<LocalSilo>();
await host.RunAsync();

// A silo the cluster declared dead exits with a failure code, so a supervisor restarts it as a new incarnation.
return silo.IsDeclaredDead ? 3 : 0;
