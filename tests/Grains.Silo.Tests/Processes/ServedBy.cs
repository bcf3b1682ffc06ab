namespace Grains.Silo.Tests.Processes;

/// <summary>
/// Which silo answered the grain calls made in the current async flow: set by <see cref="SiloCluster.CallOnceAsync{T}(Func{Task{T}})"/>,
/// filled in by <see cref="SiloTagRecorder"/> from the silo's tag on the answer.
/// </summary>
public sealed class ServedBy
{
    private static readonly AsyncLocal<ServedBy?> s_current = new();

    public static ServedBy? Current
    {
        get => s_current.Value;
        set => s_current.Value = value;
    }

    /// <summary>The name of the silo whose answer came last, or null when no tagged answer came.</summary>
    public string? Silo { get; set; }
}
