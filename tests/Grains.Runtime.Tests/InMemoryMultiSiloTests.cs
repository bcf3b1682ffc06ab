using Grains.Runtime.Hosting;
using Grains.Runtime.InMemory;

namespace Grains.Runtime.Tests;

public sealed class InMemoryMultiSiloTests : MultiSiloTestsBase
{
    protected override Action<IGrainsBuilder> CreateStore()
    {
        var store = new InMemoryClusterStore();
        return b => b.UseInMemory(store);
    }
}
