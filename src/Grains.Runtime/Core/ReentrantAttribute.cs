namespace Grains.Runtime;

/// <summary>
/// Lets an activation start a new call while an earlier one awaits. Grains are not reentrant without it,
/// which makes a call cycle (A calls B calls A) wait until its timeout.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReentrantAttribute : Attribute;
