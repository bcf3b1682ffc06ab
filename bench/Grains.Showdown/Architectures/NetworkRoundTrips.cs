namespace Grains.Showdown.Architectures;

/// <summary>Network round trips of a cart read and of an add, behind the proxy; fractional where they depend on placement.</summary>
/// <param name="How">Where they come from, in a sentence for the report.</param>
internal sealed record NetworkRoundTrips(double Read, double Write, string How);
