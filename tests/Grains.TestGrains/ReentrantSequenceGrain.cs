using Grains.Runtime;

namespace Grains.TestGrains;

[Reentrant]
public sealed class ReentrantSequenceGrain : SequenceGrainBase, IReentrantSequenceGrain
{
    protected override Task<int> CallOtherAsync(string other) => GrainFactory.GetGrain<IReentrantSequenceGrain>(other).CallBackAsync(this.GetPrimaryKeyString());

    protected override async Task<int> GetOriginCountAsync(string origin) => (await GrainFactory.GetGrain<IReentrantSequenceGrain>(origin).GetAsync()).Count;
}
