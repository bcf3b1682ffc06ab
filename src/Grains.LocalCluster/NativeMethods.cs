using System.Runtime.InteropServices;

namespace Grains.LocalCluster;

internal static class NativeMethods
{
    public const int SigTerm = 15;

    /// <summary>POSIX kill(2): asks a process to stop, as Ctrl-C or a supervisor would, so that it can shut down gracefully.</summary>
    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    public static extern int Kill(int pid, int signal);
}
