using Microsoft.Extensions.Options;

namespace Grains.Runtime.Membership;

public sealed class MembershipOptionsValidator : IValidateOptions<MembershipOptions>
{
    public ValidateOptionsResult Validate(string? name, MembershipOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (options.HeartbeatInterval <= TimeSpan.Zero)
        {
            failures.Add("Membership:HeartbeatInterval must be positive.");
        }

        if (options.LeaseDuration <= options.HeartbeatInterval)
        {
            failures.Add("Membership:LeaseDuration must be longer than HeartbeatInterval, or every silo would stop serving between heartbeats.");
        }

        if (options.DeathTimeout <= options.LeaseDuration)
        {
            failures.Add("Membership:DeathTimeout must be longer than LeaseDuration, or a paused silo could still serve after being declared dead.");
        }

        if (options.ProbeInterval <= TimeSpan.Zero || options.ProbeTimeout <= TimeSpan.Zero || options.TableRefreshInterval <= TimeSpan.Zero)
        {
            failures.Add("Membership:ProbeInterval, ProbeTimeout and TableRefreshInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
