using Grains.Chaos;

return await ChaosCommand.Create().Parse(args).InvokeAsync();
