using System.Text;
using Grains.Chaos.Workload;

namespace Grains.Chaos.Cluster;

/// <summary>
/// Receives a process's output line by line: passes each line on to the process's log file, when the run keeps logs,
/// and reports the line .NET writes when the process dies of an unhandled exception.
/// </summary>
internal sealed class CrashWatchingWriter(string process, TextWriter? log, Action<ProcessCrash> crashed) : TextWriter
{
    private const string UnhandledExceptionPrefix = "Unhandled exception.";

    public override Encoding Encoding => Encoding.UTF8;

    public override void WriteLine(string? value)
    {
        if (value is not null && value.StartsWith(UnhandledExceptionPrefix, StringComparison.Ordinal))
        {
            crashed(new ProcessCrash(process, RunClock.Now(), value));
        }

        log?.WriteLine(value);
    }

    public override void Write(char value) => log?.Write(value);
}
