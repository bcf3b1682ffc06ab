namespace Grains.Benchmarks;

/// <summary>How the benchmark's calls reach the silo.</summary>
internal enum CallPath
{
    /// <summary>From an Orleans client in the benchmark process to a silo in a child process, over loopback TCP.</summary>
    Loopback,

    /// <summary>From inside the silo, through its own grain factory: Orleans' local dispatch path, no socket.</summary>
    InProcess,
}
