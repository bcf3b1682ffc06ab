namespace Grains.TestGrains;

public sealed class CounterState
{
    public int Value { get; set; }
}
