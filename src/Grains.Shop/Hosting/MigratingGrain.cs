namespace Grains.Shop.Hosting;

/// <summary>
/// A grain that moves to another silo when its silo stops gracefully, instead of only deactivating: Orleans hands the
/// activation's persistent state (and whatever <see cref="IGrainMigrationParticipant"/> adds) to the new activation and
/// forwards the calls queued for the old one, so callers see neither an error nor a second read of the store.
/// Migrating writes nothing: every change was already written when it was made.
/// </summary>
public abstract class MigratingGrain : Grain
{
    public override Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        if (reason.ReasonCode == DeactivationReasonCode.ShuttingDown)
        {
            MigrateOnIdle();
        }

        return Task.CompletedTask;
    }
}
