namespace Grains.Showdown.Reporting;

/// <summary>showdown.json: the figures of one run, in the shape the issue asks for.</summary>
/// <param name="LoadAverageAtStart">The machine's load averages (1, 5, 15 minutes) when the run started, and <paramref name="LoadAverageAtEnd"/> when it ended.</param>
internal sealed record ShowdownReport(
    IReadOnlyList<ArchitectureFigures> Architectures, string Machine, string Date, string Command, string LoadAverageAtStart, string LoadAverageAtEnd);
