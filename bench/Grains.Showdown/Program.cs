using Grains.Showdown;

return await ShowdownCommand.Create().Parse(args).InvokeAsync();
