using Grains.Runtime;

namespace Grains.TestGrains;

public sealed class SequenceGrain : SequenceGrainBase, ISequenceGrain
{
    protected override Task<int> CallOtherAsync(string other) => GrainFactory.GetGrain<ISequenceGrain>(other).CallBackAsync(this.GetPrimaryKeyString());

    protected override async Task<int> GetOriginCountAsync(string origin) => (await GrainFactory.GetGrain<ISequenceGrain>(origin).GetAsync()).Count;
}
