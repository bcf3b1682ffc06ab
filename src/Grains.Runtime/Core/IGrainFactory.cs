namespace Grains.Runtime;

/// <summary>Creates references to grains. A reference is cheap, needs no I/O, and works from any silo or client.</summary>
public interface IGrainFactory
{
    TGrainInterface GetGrain<TGrainInterface>(string primaryKey)
        where TGrainInterface : IGrainWithStringKey;
}
