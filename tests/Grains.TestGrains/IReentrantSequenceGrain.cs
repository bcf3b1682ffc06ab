using Grains.Runtime;

namespace Grains.TestGrains;

public interface IReentrantSequenceGrain : ISequenceGrain
{
}
