namespace Grains.Showdown.Overload;

/// <param name="Users">Signed-in users the open loop sends to, in turn.</param>
/// <param name="CapacityUsers">Users of the closed loop that measures capacity, two requests in flight each (64 in all, as the showdown).</param>
/// <param name="Warmup">Closed-loop load before the capacity is measured.</param>
/// <param name="CapacityDuration">How long the capacity is measured.</param>
/// <param name="Factors">The offered load of each open-loop phase, as multiples of the measured capacity, in order.</param>
/// <param name="PhaseDuration">How long each phase offers its load.</param>
/// <param name="Admission">Whether the silos and the gateway bound the requests they serve at once (off for the comparison).</param>
internal sealed record OverloadSettings(
    int Users, int CapacityUsers, TimeSpan Warmup, TimeSpan CapacityDuration, IReadOnlyList<double> Factors, TimeSpan PhaseDuration, bool Admission)
{
    /// <summary>0.5x as the reference, then 1x, 2x and 4x, then back to 0.5x to see how soon service is whole again.</summary>
    public static OverloadSettings Default(TimeSpan phaseDuration, bool admission) =>
        new(200, 32, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), [0.5, 1, 2, 4, 0.5], phaseDuration, admission);
}
