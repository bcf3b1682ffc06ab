namespace Grains.Chaos.Nemesis;

/// <summary>A silo or gateway process that ended when no fault had stopped it, with the last lines it wrote.</summary>
public sealed record UnexpectedExit(string Process, int ExitCode, long NoticedAt, string RecentOutput);
