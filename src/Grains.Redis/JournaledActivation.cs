using Grains.Runtime;
using Grains.Runtime.Activation;
using Grains.Runtime.Membership;

namespace Grains.Redis;

/// <summary>One entry of the activation journal, timed by the Redis server's clock.</summary>
public sealed record JournaledActivation(DateTimeOffset Time, ActivationEventKind Kind, string ActivationId, SiloAddress Silo, GrainId Grain);
