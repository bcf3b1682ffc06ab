using Grains.Showdown.Server.Hosting;

namespace Grains.Showdown.Server;

/// <summary>
/// <c>--Showdown:Mode=stateful|stateless|router</c>; see <see cref="ServerOptions"/>. Not top-level statements: the
/// gateway, referenced for its tokens, already names a global <c>Program</c>.
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
