using Grains.Runtime.Hosting;

namespace Grains.Redis.Tests;

public sealed class InMemoryGrainDirectoryTests : GrainDirectoryContractTests
{
    protected override void UseImplementation(IGrainsBuilder builder) => builder.UseInMemory();
}
