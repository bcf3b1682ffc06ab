namespace Grains.Showdown.Server.Store;

/// <summary>A cart in memory; read and changed only under a lock on itself.</summary>
internal sealed class MemoryCart
{
    public IReadOnlyList<StoredLine> Lines { get; set; } = [];

    public long Version { get; set; }
}
