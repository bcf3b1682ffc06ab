namespace Grains.Benchmarks;

/// <summary>How the benchmark's calls reach the silo.</summary>
internal enum CallPath
{
    /// <summary>From a cluster client in the benchmark process to a silo in a child process, over loopback TCP.</summary>
    Loopback,

    /// <summary>From inside the silo, through its own grain factory: the local dispatch path, no socket.</summary>
    InProcess,
}
