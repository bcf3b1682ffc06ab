using Grains.Showdown.Server.Hosting;

namespace Grains.Showdown.Server;

/// <summary>
/// <c>--Showdown:Mode=stateful|stateless|proxy|orleansclient</c>; see <see cref="ServerOptions"/>.
/// </summary>
internal static class ServerProgram
{
    public static async Task<int> Main(string[] args)
    {
        var builder = WebApplication.CreateSlimBuilder(args);
        builder.AddShowdownServer();
        var app = builder.Build();
        app.MapShowdownServer();
        await app.RunAsync();
        return 0;
    }
}
