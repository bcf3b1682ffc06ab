using System.CommandLine;
using Grains.Showdown;

// Ctrl-C or SIGTERM cancels the run, which then stops every process it started; the default grace of 2 s is shorter
// than stopping a cluster takes, and a tool that returned early would leave its servers running.
var configuration = new InvocationConfiguration { ProcessTerminationTimeout = TimeSpan.FromSeconds(60) };
return await ShowdownCommand.Create().Parse(args).InvokeAsync(configuration);
