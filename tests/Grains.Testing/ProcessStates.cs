using System.Globalization;

namespace Grains.Testing;

/// <summary>The scheduler's view of a process, read from <c>/proc</c>.</summary>
public static class ProcessStates
{
    /// <summary>
    /// True when every thread of the process is stopped by a signal (state <c>T</c>): a SIGSTOP has taken effect, and the
    /// process runs no code until SIGCONT.
    /// </summary>
    public static bool IsStopped(int processId)
    {
        try
        {
            var threads = Directory.GetDirectories(string.Create(CultureInfo.InvariantCulture, $"/proc/{processId}/task"));
            return threads.Length > 0 && threads.All(t => StateOf(File.ReadAllText(Path.Combine(t, "stat"))) == 'T');
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The process or one of its threads ended meanwhile.
            return false;
        }
    }

    /// <summary>The state letter of a <c>stat</c> line, which follows the command name in parentheses.</summary>
    private static char StateOf(string stat) => stat[stat.LastIndexOf(')') + 2];
}
