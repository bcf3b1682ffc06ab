namespace Grains.Runtime;

/// <summary>Key accessors shaped like those of Orleans, so grain code reads the same.</summary>
public static class GrainExtensions
{
    public static string GetPrimaryKeyString(this Grain grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return grain.GrainId.Key;
    }
}
