using Grains.Runtime;

namespace Grains.Redis.Tests;

public sealed class TestGrainState : IGrainState<TestState>
{
    public TestState State { get; set; } = new();

    public string? Etag { get; set; }

    public bool RecordExists { get; set; }
}
