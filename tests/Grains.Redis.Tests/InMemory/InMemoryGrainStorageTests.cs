using Grains.Runtime.Hosting;

namespace Grains.Redis.Tests;

public sealed class InMemoryGrainStorageTests : GrainStorageContractTests
{
    protected override void UseImplementation(IGrainsBuilder builder) => builder.UseInMemory();
}
