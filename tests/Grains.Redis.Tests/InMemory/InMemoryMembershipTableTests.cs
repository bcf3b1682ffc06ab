using Grains.Runtime.Hosting;

namespace Grains.Redis.Tests;

public sealed class InMemoryMembershipTableTests : MembershipTableContractTests
{
    protected override void UseImplementation(IGrainsBuilder builder) => builder.UseInMemory();
}
