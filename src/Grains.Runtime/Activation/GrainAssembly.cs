using System.Reflection;

namespace Grains.Runtime.Activation;

internal sealed record GrainAssembly(Assembly Assembly);
