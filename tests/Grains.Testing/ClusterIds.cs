namespace Grains.Testing;

public static class ClusterIds
{
    /// <summary>A cluster id no other test uses, so tests sharing one Redis never see each other's keys.</summary>
    public static string Next() => $"test-{Guid.NewGuid():N}";
}
