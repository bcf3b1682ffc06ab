using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Grains.Gateway.Hosting;

/// <summary>In Development only, stands in a random token key when none is configured.</summary>
internal sealed partial class DevelopmentTokenKeySetup(IHostEnvironment environment, ILogger<DevelopmentTokenKeySetup> logger)
    : IPostConfigureOptions<GatewayOptions>
{
    public void PostConfigure(string? name, GatewayOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.TokenKey) && environment.IsDevelopment())
        {
            options.TokenKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
            LogGeneratedKey(logger);
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Gateway:TokenKey is not set; using a random key for this process. Tokens will not survive a restart or work on another gateway.")]
    private static partial void LogGeneratedKey(ILogger logger);
}
