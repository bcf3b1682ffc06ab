using System.CommandLine;
using Grains.Benchmarks;
using Grains.Benchmarks.CheckoutWrites;
using Grains.Benchmarks.Dashboard;
using Grains.Benchmarks.HttpGateway;
using Grains.Benchmarks.KeyedAdds;
using Grains.Benchmarks.SignIns;
using Grains.Benchmarks.Soak;

var command = BenchmarkCommand.Create();
command.Subcommands.Add(SiloCommand.Create());
command.Subcommands.Add(GatewayCommand.Create());
command.Subcommands.Add(HttpHostCommand.Create());
command.Subcommands.Add(DashboardCostCommand.Create());
command.Subcommands.Add(KeyedAddsCommand.Create());
command.Subcommands.Add(CheckoutWritesCommand.Create());
command.Subcommands.Add(SignInFloodCommand.Create());
command.Subcommands.Add(SoakCommand.Create());

// As the showdown's: Ctrl-C stops every process the benchmark started before the tool exits.
var configuration = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
return await command.Parse(args).InvokeAsync(configuration);
