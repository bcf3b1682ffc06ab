namespace Grains.Chaos.Checking;

/// <summary>Acknowledged operations over all operations invoked in some period.</summary>
public sealed record Availability(string Period, int Operations, int Ok, int Fail, int Info)
{
    public double? Ratio => Operations == 0 ? null : (double)Ok / Operations;
}
