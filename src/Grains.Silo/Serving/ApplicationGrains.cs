namespace Grains.Silo.Serving;

/// <summary>
/// Tells the grains of applications (the shop's) from Orleans' own: system targets (membership, directory, load
/// publishing, whose timers also pass the incoming call filters) and system grains, whose types start with
/// <c>sys.</c>. This project's filters act on application grains only.
/// </summary>
public static class ApplicationGrains
{
    public static bool Contains(GrainId grain) => !grain.Type.AsSpan().StartsWith("sys."u8);
}
