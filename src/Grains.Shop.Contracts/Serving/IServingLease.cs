namespace Grains.Shop.Contracts.Serving;

/// <summary>
/// Whether this silo may answer for its activations right now (the fencing lease, docs/runtime.md section 2). Whatever
/// answers from an activation's state without a grain call, and so without the lease's call filter, asks it itself.
/// </summary>
public interface IServingLease
{
    bool IsHeld { get; }
}
