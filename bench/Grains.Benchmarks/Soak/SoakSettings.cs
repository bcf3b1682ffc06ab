namespace Grains.Benchmarks.Soak;

/// <param name="Duration">How long the abusive client and the well-behaved users run together.</param>
/// <param name="Silos">Silo processes behind the gateway.</param>
/// <param name="Users">Well-behaved users, each from an address of its own.</param>
/// <param name="AbusiveLoops">Requests the abusive client keeps in flight, each loop sending its next as soon as the last is answered.</param>
internal sealed record SoakSettings(TimeSpan Duration, int Silos, int Users, int AbusiveLoops);
