namespace Grains.Chaos.Checking;

/// <param name="DuplicateActivations">Activations that started while another activation of the same grain was live; must be 0.</param>
public sealed record ActivationCheck(int Activations, int Grains, int DuplicateActivations, IReadOnlyList<string> Duplicates);
