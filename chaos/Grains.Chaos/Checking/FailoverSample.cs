using Grains.Chaos.Nemesis;

namespace Grains.Chaos.Checking;

/// <summary>
/// How long after a silo fault every grain that lived on the silo answered again: the time from the fault to the
/// first acknowledged operation, invoked after the fault, of the last affected user.
/// </summary>
/// <param name="AffectedGrains">Session and cart grains that were live on the silo when the fault began.</param>
/// <param name="Milliseconds">Null when an affected user had no acknowledged operation after the fault at all.</param>
public sealed record FailoverSample(int Fault, FaultKind Kind, string Silo, int AffectedGrains, int AffectedUsers, long? Milliseconds);
