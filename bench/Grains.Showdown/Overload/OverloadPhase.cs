using Grains.Showdown.Load;
using Grains.Showdown.Measuring;

namespace Grains.Showdown.Overload;

/// <summary>One open-loop phase of the overload run and what the cluster did during it.</summary>
/// <param name="Factor">The offered load as a multiple of the measured capacity.</param>
/// <param name="Result">What the load got.</param>
/// <param name="DeadSilos">Rows of the membership table marked dead at the end of the phase (the run starts with none).</param>
/// <param name="LeaseLapses">Times a silo's lease ran out or could not be renewed during the phase, from the silos' logs.</param>
/// <param name="Cpu">The cores the cluster and the load generator used during the phase.</param>
internal sealed record OverloadPhase(double Factor, OpenLoopResult Result, int DeadSilos, int LeaseLapses, CpuUse Cpu)
{
    /// <summary>Requests answered 503 or 429: refused at once, with <c>Retry-After</c>.</summary>
    public int Shed => Result.Failures.Where(f => f.Key is 503 or 429).Sum(f => f.Value);

    /// <summary>Requests the load generator did not send because <see cref="OpenLoopGenerator.MaxInFlight"/> were waiting.</summary>
    public int NotSent => Result.Failures.GetValueOrDefault(OpenLoopGenerator.NotSent);

    /// <summary>Requests sent that failed otherwise: no answer within 10 s, another error.</summary>
    public int OtherFailures => Result.FailedRequests - Shed - NotSent;

    /// <summary>
    /// Seconds from the start of the phase until every later second had every request that fell due in it succeed;
    /// null when that never happened.
    /// </summary>
    public int? SecondsToFullService()
    {
        var due = Result.DueBySecond;
        var succeeded = Result.SucceededBySecond;
        var whole = due.Count;
        while (whole > 0 && succeeded[whole - 1] == due[whole - 1])
        {
            whole--;
        }

        return whole == due.Count ? null : whole;
    }
}
