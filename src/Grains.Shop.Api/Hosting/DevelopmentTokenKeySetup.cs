using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace Grains.Shop.Api.Hosting;

/// <summary>
/// In Development only, stands in a random token key when none is configured. The key is made once per process,
/// so every options instance of the process agrees on it.
/// </summary>
internal sealed partial class DevelopmentTokenKeySetup(IHostEnvironment environment, ILogger<DevelopmentTokenKeySetup> logger)
    : IPostConfigureOptions<ApiOptions>
{
    private readonly Lazy<string> _generatedKey = new(() =>
    {
        LogGeneratedKey(logger);
        return Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
    });

    public void PostConfigure(string? name, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrEmpty(options.TokenKey) && environment.IsDevelopment())
        {
            options.TokenKey = _generatedKey.Value;
        }
    }

    [LoggerMessage(1, LogLevel.Warning, "Api:TokenKey is not set; using a random key for this process. Tokens will not survive a restart or work on another silo.")]
    private static partial void LogGeneratedKey(ILogger logger);
}
