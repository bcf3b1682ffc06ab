namespace Grains.Showdown.Overload;

/// <param name="Users">Signed-in users the open loop sends to, in turn.</param>
/// <param name="CapacityUsers">Users of the closed loop that measures capacity, two requests in flight each (64 in all, as the showdown).</param>
/// <param name="Warmup">Closed-loop load before the capacity is measured.</param>
/// <param name="CapacityDuration">How long the closed loop's capacity is measured.</param>
/// <param name="ProbeDuration">How long each step of the open loop's capacity search offers its rate.</param>
/// <param name="Factors">The offered load of each open-loop phase, as multiples of the measured capacity, in order.</param>
/// <param name="PhaseDuration">How long each phase offers its load.</param>
/// <param name="Admission">Whether the silos and the gateway bound the requests they serve at once (off for the comparison).</param>
internal sealed record OverloadSettings(
    int Users, int CapacityUsers, TimeSpan Warmup, TimeSpan CapacityDuration, TimeSpan ProbeDuration, IReadOnlyList<double> Factors, TimeSpan PhaseDuration, bool Admission)
{
    /// <summary>The open loop's capacity search starts at this share of the closed loop's capacity...</summary>
    public const double FirstProbe = 0.3;

    /// <summary>...and raises the rate by this factor per step, while at least <see cref="WholeShare"/> of a step is answered 2xx.</summary>
    public const double ProbeStep = 1.15;

    public const double WholeShare = 0.999;

    /// <summary>0.5x as the reference, then 1x, 2x and 4x, then back to 0.5x to see how soon service is whole again.</summary>
    public static OverloadSettings Default(TimeSpan phaseDuration, bool admission) =>
        new(200, 32, TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(10), [0.5, 1, 2, 4, 0.5], phaseDuration, admission);
}
