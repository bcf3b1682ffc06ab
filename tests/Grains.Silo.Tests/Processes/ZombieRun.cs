namespace Grains.Silo.Tests.Processes;

/// <summary>What a zombie scenario found: journal lines that break the rule, failed adds and wrong reads afterwards.</summary>
public sealed record ZombieRun(IReadOnlyList<string> StaleAnswers, IReadOnlyList<string> FailedAddsAfterwards, IReadOnlyList<string> WrongCarts);
