using System.Runtime.InteropServices;

namespace Grains.Testing;

/// <summary>POSIX signals, sent to a process by the id it was started with.</summary>
public static partial class Signals
{
    public const int SigInt = 2;
    public const int SigKill = 9;
    public const int SigTerm = 15;
    public const int SigCont = 18;
    public const int SigStop = 19;

    public static void Send(int processId, int signal)
    {
        if (Kill(processId, signal) != 0)
        {
            throw new InvalidOperationException($"kill({processId}, {signal}) failed with errno {Marshal.GetLastPInvokeError()}.");
        }
    }

    /// <summary>
    /// Whether this process was started with <paramref name="signal"/> ignored, as a shell without job control does
    /// to SIGINT for commands it runs in the background. Processes this one starts inherit that, and .NET keeps such a
    /// signal ignored, so sending it to them would do nothing.
    /// </summary>
    public static bool IsIgnoredHere(int signal)
    {
        var line = File.ReadLines("/proc/self/status").First(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = ulong.Parse(line["SigIgn:".Length..].Trim(), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
        return (mask & (1UL << (signal - 1))) != 0;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int sig);
}
