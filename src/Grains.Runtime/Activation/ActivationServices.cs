using Grains.Runtime.Directory;
using Grains.Runtime.Hosting;
using Grains.Runtime.Membership;
using Grains.Runtime.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Grains.Runtime.Activation;

/// <summary>The silo services every activation uses, gathered so an activation takes one dependency.</summary>
internal sealed class ActivationServices(
    IGrainDirectory directory,
    SiloLease lease,
    GrainSerializer serializer,
    GrainActivator activator,
    LocationCache locations,
    LocalIdentity identity,
    IGrainFactory grainFactory,
    ActivationEventSink events,
    IActivationJournal journal,
    IOptions<GrainCollectionOptions> collectionOptions,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    public IGrainDirectory Directory { get; } = directory;

    public SiloLease Lease { get; } = lease;

    public GrainSerializer Serializer { get; } = serializer;

    public GrainActivator Activator { get; } = activator;

    public LocationCache Locations { get; } = locations;

    public LocalIdentity Identity { get; } = identity;

    public IGrainFactory GrainFactory { get; } = grainFactory;

    public ActivationEventSink Events { get; } = events;

    public IActivationJournal Journal { get; } = journal;

    public GrainCollectionOptions CollectionOptions { get; } = collectionOptions.Value;

    public TimeProvider Time { get; } = time;

    public ILogger Logger { get; } = loggerFactory.CreateLogger("Grains.Runtime.Activation");
}
