using Grains.Benchmarks;

var command = BenchmarkCommand.Create();
command.Subcommands.Add(SiloCommand.Create());
return await command.Parse(args).InvokeAsync();
