namespace Grains.Redis.Tests;

public sealed class TestState
{
    public int Count { get; set; }

    public string? Name { get; set; }
}
