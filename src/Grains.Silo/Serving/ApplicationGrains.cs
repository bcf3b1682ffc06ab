namespace Grains.Silo.Serving;

/// <summary>
/// Tells the grains of applications (the shop's) from Orleans' own: system targets (membership, directory, load
/// publishing, whose timers also pass the incoming call filters), system grains, whose types start with <c>sys.</c>,
/// and the grains Orleans' packages implement (the management grain, the dashboard's grains), which are ordinary grains
/// to the runtime: the dashboard calls the management grain on every silo several times a minute, and such a grain
/// may have an activation per silo. This project's filters act on application grains only.
/// </summary>
public static class ApplicationGrains
{
    public static bool Contains(IGrainCallContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.TargetId.Type.AsSpan().StartsWith("sys."u8))
        {
            return false;
        }

        return context.Grain?.GetType().Namespace is not { } space || !space.StartsWith("Orleans", StringComparison.Ordinal);
    }
}
