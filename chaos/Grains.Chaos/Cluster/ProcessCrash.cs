namespace Grains.Chaos.Cluster;

/// <summary>
/// A silo or gateway process that died of an unhandled exception, as .NET reported it on the process's output. Its
/// exit code (134, SIGABRT) is the same as Orleans' FailFast of a silo told it is dead, so only the output tells a crash
/// from the end a zombie must come to.
/// </summary>
/// <param name="NoticedAt">When the line was read (<see cref="Workload.RunClock"/> milliseconds).</param>
/// <param name="Line">The line .NET writes first: <c>Unhandled exception. &lt;type&gt;: &lt;message&gt;</c>.</param>
public sealed record ProcessCrash(string Process, long NoticedAt, string Line);
