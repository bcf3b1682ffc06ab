namespace Grains.Chaos.Checking;

/// <param name="Activations">Activations of grains that must have a single activation (stateless workers are not counted).</param>
/// <param name="DuplicateActivations">Activations that started serving while an activation of the same grain started earlier still answered afterwards; must be 0.</param>
public sealed record ActivationCheck(int Activations, int Grains, int DuplicateActivations, IReadOnlyList<string> Duplicates);
