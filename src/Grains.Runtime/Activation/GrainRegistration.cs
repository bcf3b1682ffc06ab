using Grains.Runtime.Invocation;

namespace Grains.Runtime.Activation;

/// <summary>A grain type this silo can activate: its interface and its implementation class.</summary>
internal sealed record GrainRegistration(GrainInterface Interface, Type GrainClass, bool IsReentrant);
