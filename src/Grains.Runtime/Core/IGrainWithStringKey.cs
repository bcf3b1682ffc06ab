namespace Grains.Runtime;

/// <summary>Marks a grain interface whose grains are identified by a string key.</summary>
public interface IGrainWithStringKey : IGrain;
