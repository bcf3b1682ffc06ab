namespace Grains.Showdown.Reporting;

/// <summary>showdown.json: the figures of one run, in the shape the issue asks for.</summary>
internal sealed record ShowdownReport(IReadOnlyList<ArchitectureFigures> Architectures, string Machine, string Date, string Command);
