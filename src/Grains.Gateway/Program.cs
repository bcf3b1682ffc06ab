using Grains.Gateway.Apis;
using Grains.Gateway.Health;
using Grains.Gateway.Hosting;
using Grains.Gateway.OpenApi;
using Grains.Gateway.Operators;

var builder = WebApplication.CreateBuilder(args);
builder.AddShopClusterClient();
builder.Services.AddGateway(builder.Configuration);
builder.PrepareForBuildTimeDocument();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseMiddleware<RequestBodyLimitMiddleware>();
app.UseAuthentication();
app.UseAuthorization();
app.UseRateLimiter();

app.MapOpenApi();
app.MapGatewayHealthChecks();
app.MapSessionApi();
app.MapProductApi();
app.MapCartApi();
app.MapOrderApi();
app.MapOperatorTools();

app.Run();

/// <summary>Named so that tests can host the gateway with WebApplicationFactory.</summary>
public partial class Program;
