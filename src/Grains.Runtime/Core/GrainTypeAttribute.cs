namespace Grains.Runtime;

/// <summary>
/// Names a grain interface's type in grain ids, directory entries and storage keys.
/// Without it the interface's name is used. Renaming the type orphans stored state, so name it once.
/// </summary>
[AttributeUsage(AttributeTargets.Interface, Inherited = false)]
public sealed class GrainTypeAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}
