using Microsoft.Extensions.Options;

namespace Grains.Showdown.Server.Hosting;

public sealed class ServerOptionsValidator : IValidateOptions<ServerOptions>
{
    public ValidateOptionsResult Validate(string? name, ServerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.Mode is ServerMode.Stateful or ServerMode.Stateless && options.TokenKey is not { Length: >= 32 })
        {
            failures.Add("Showdown:TokenKey must be at least 32 characters.");
        }

        if (options.Mode == ServerMode.Stateful && (options.Route.Length is 0 or > 16 || !options.Route.All(char.IsAsciiLetterOrDigit)))
        {
            failures.Add("Showdown:Route must be 1-16 letters or digits.");
        }

        if (options.Mode == ServerMode.Stateless && string.IsNullOrWhiteSpace(options.RedisConnectionString))
        {
            failures.Add("Showdown:RedisConnectionString is required in stateless mode.");
        }

        if (options.Mode == ServerMode.Proxy && (options.Backends.Count == 0 || options.Backends.Any(b => !Routing.BackendEntry.TryParse(b, out _, out _))))
        {
            failures.Add("Showdown:Backends needs one or more 'route=http://host:port' entries.");
        }

        if (options.MaxWriteAttempts < 1)
        {
            failures.Add("Showdown:MaxWriteAttempts must be at least 1.");
        }

        if (options.SessionIdleTimeout <= TimeSpan.Zero)
        {
            failures.Add("Showdown:SessionIdleTimeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
