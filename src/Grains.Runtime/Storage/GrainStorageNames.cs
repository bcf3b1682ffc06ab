namespace Grains.Runtime.Storage;

public static class GrainStorageNames
{
    /// <summary>The storage used by <see cref="PersistentStateAttribute"/> when it names none.</summary>
    public const string Default = "Default";
}
