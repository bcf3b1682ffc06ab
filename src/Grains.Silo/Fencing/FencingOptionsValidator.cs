using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Grains.Silo.Fencing;

/// <summary>Checks the lease against the membership settings it depends on, so that a setting that makes it unsafe cannot start.</summary>
public sealed class FencingOptionsValidator(IOptions<ClusterMembershipOptions> membership) : IValidateOptions<FencingOptions>
{
    public ValidateOptionsResult Validate(string? name, FencingOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.Enabled)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.RenewInterval <= TimeSpan.Zero || options.LeaseDuration <= TimeSpan.Zero)
        {
            failures.Add("Fencing:LeaseDuration and Fencing:RenewInterval must be positive.");
        }
        else if (options.RenewInterval * 2 > options.LeaseDuration)
        {
            failures.Add("Fencing:RenewInterval must be at most half of Fencing:LeaseDuration, or one slow read lets the lease lapse.");
        }

        if (options.PeerCheckInterval <= TimeSpan.Zero || options.PeerCheckInterval > options.LeaseDuration)
        {
            failures.Add("Fencing:PeerCheckInterval must be positive and at most Fencing:LeaseDuration.");
        }

        if (options.StoreTroubleGrace < options.PeerCheckInterval)
        {
            // A shorter grace could end between a check's read and its judgement, and the read would count.
            failures.Add("Fencing:StoreTroubleGrace must be at least Fencing:PeerCheckInterval.");
        }

        if (options.PeerChecksBeforeDeath is < 1 or > 100)
        {
            failures.Add("Fencing:PeerChecksBeforeDeath must be between 1 and 100.");
        }

        var cluster = membership.Value;
        var quickestDeath = cluster.MinProbeTimeout * cluster.NumMissedProbesLimit;
        if (options.LeaseDuration >= quickestDeath)
        {
            failures.Add($"Fencing:LeaseDuration ({options.LeaseDuration}) must be shorter than the quickest death declaration, " +
                $"MinProbeTimeout x NumMissedProbesLimit ({quickestDeath}); otherwise a resumed zombie could still serve.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
