using System.CommandLine;
using Grains.Chaos;

// Ctrl-C or SIGTERM cancels the run, which then stops every process it started; the default grace of 2 s can be
// shorter than stopping a cluster takes, and a tool that returned early would leave its silos running.
var configuration = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
return await ChaosCommand.Create().Parse(args).InvokeAsync(configuration);
