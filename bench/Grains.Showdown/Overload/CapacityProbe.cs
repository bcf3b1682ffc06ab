using Grains.Showdown.Load;
using Grains.Showdown.Measuring;

namespace Grains.Showdown.Overload;

/// <summary>One step of the open loop's capacity search: the rate offered, what it got, and the cores used.</summary>
internal sealed record CapacityProbe(double Rate, OpenLoopResult Result, CpuUse Cpu)
{
    /// <summary>Whether at least <see cref="OverloadSettings.WholeShare"/> of the requests were answered 2xx.</summary>
    public bool ServedWhole => Result.Answered.Count >= OverloadSettings.WholeShare * Result.DueBySecond.Sum();
}
