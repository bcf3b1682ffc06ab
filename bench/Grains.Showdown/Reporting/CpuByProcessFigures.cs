namespace Grains.Showdown.Reporting;

/// <summary>
/// Where the CPU of a read and of an add goes: µs per request of the saturation phases, by kind of server-side process
/// (<c>proxy</c>, <c>gateway</c>, <c>silo</c>, <c>stateless</c>, <c>redis-server</c>, ...: a process's name without its
/// instance suffix, instances summed).
/// </summary>
internal sealed record CpuByProcessFigures(IReadOnlyDictionary<string, double> Read, IReadOnlyDictionary<string, double> Write);
