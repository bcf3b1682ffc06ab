namespace Grains.Runtime.Tests.Infrastructure;

public sealed class GrainState<T> : IGrainState<T>
    where T : new()
{
    public T State { get; set; } = new();

    public string? Etag { get; set; }

    public bool RecordExists { get; set; }
}
