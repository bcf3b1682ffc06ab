using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Grains.Testing;

/// <summary>
/// A real Redis-compatible server for one test fixture: <c>redis-server</c> from the PATH, or else Garnet from the
/// repository's dotnet tool manifest. It listens on a free loopback port, keeps its files in its own temporary
/// directory, and is stopped through the <see cref="Process"/> it started, never by name. When neither server can
/// be started, <see cref="StartAsync"/> throws: a test that needs Redis fails rather than skips.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Loopback = "127.0.0.1";
    private const int OutputLinesKept = 200;
    private const string ToolManifest = ".config/dotnet-tools.json";

    private static readonly ConcurrentDictionary<RedisServer, byte> s_running = new();
    private static readonly SemaphoreSlim s_toolRestore = new(1, 1);
    private static bool s_toolRestored;

    private readonly RedisServerOptions _options;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private Process? _process;
    private bool _stopped;

    static RedisServer()
    {
        // A test host that exits without disposing its fixtures must not leave servers behind.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var server in s_running.Keys)
            {
                server.KillProcess();
            }
        };
    }

    private RedisServer(RedisServerKind kind, RedisServerOptions options)
    {
        Kind = kind;
        _options = options;
        DataDirectory = Directory.CreateTempSubdirectory("grains-redis-").FullName;
    }

    public RedisServerKind Kind { get; }

    public string Host => Loopback;

    public int Port { get; private set; }

    /// <summary>A StackExchange.Redis configuration string for this server.</summary>
    public string ConnectionString => string.Create(CultureInfo.InvariantCulture, $"{Loopback}:{Port}");

    /// <summary>The server's own directory (working directory, AOF files); deleted by <see cref="StopAsync"/>.</summary>
    public string DataDirectory { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>The last lines the server wrote since it was last started, for diagnostics.</summary>
    public string RecentOutput => Output();

    /// <summary>Starts a server on a free loopback port and returns once it answers PING.</summary>
    public static async Task<RedisServer> StartAsync(RedisServerOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new RedisServerOptions();
        var server = new RedisServer(ResolveKind(options.Kind), options);
        try
        {
            // A free port can be taken by someone else before the server binds it, so a failed start tries another.
            for (var attempt = 1; ; attempt++)
            {
                server.Port = FreePort.Next();
                try
                {
                    await server.LaunchAsync(cancellationToken);
                    return server;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                }
            }
        }
        catch
        {
            await server.StopAsync();
            throw;
        }
    }

    /// <summary>Kills the server at once (SIGKILL, like a crash); its data directory stays for <see cref="RestartAsync"/>.</summary>
    public async Task KillAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            await KillCoreAsync();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>
    /// Kills the server if it runs and starts it again on the same port with the same data directory. With
    /// <see cref="RedisServerOptions.AppendOnly"/> every acknowledged write survives; without it the server starts empty.
    /// </summary>
    public async Task RestartAsync(CancellationToken cancellationToken = default)
    {
        await _lifecycle.WaitAsync(cancellationToken);
        try
        {
            ObjectDisposedException.ThrowIf(_stopped, this);
            await KillCoreAsync();
            // The port was this server's a moment ago; give the kernel a few tries to let it go.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await LaunchAsync(cancellationToken);
                    return;
                }
                catch (InvalidOperationException) when (attempt < 3)
                {
                    await Task.Delay(200 * attempt, cancellationToken);
                }
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Kills the server and deletes its data directory. Safe to call more than once.</summary>
    public async Task StopAsync()
    {
        await _lifecycle.WaitAsync();
        try
        {
            _stopped = true;
            await KillCoreAsync();
            DeleteDataDirectory();
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    public override string ToString() => $"{Kind} on {ConnectionString}";

    private static RedisServerKind ResolveKind(RedisServerKind? requested)
    {
        if (requested is { } kind)
        {
            return kind;
        }

        var forced = Environment.GetEnvironmentVariable(RedisServerOptions.KindVariable);
        if (!string.IsNullOrEmpty(forced))
        {
            return Enum.TryParse<RedisServerKind>(forced, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{RedisServerOptions.KindVariable}='{forced}' names no server kind: use 'redis' or 'garnet'.");
        }

        return FindOnPath("redis-server") is null ? RedisServerKind.Garnet : RedisServerKind.Redis;
    }

    private async Task LaunchAsync(CancellationToken cancellationToken)
    {
        var startInfo = Kind == RedisServerKind.Redis ? RedisStartInfo() : await GarnetStartInfoAsync(cancellationToken);
        startInfo.UseShellExecute = false;
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        _output.Clear();
        var process = new Process { StartInfo = startInfo };
        process.OutputDataReceived += (_, e) => Remember(e.Data);
        process.ErrorDataReceived += (_, e) => Remember(e.Data);
        try
        {
            process.Start();
        }
        catch (Win32Exception ex)
        {
            process.Dispose();
            throw new InvalidOperationException($"Could not start {startInfo.FileName}: {ex.Message}", ex);
        }

        _process = process;
        s_running.TryAdd(this, 0);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow + _options.StartTimeout;
        while (!await PingAsync(cancellationToken))
        {
            if (process.HasExited)
            {
                var exitCode = process.ExitCode;
                await KillCoreAsync();
                throw new InvalidOperationException($"{this} exited with code {exitCode} before answering PING. Its output:{Environment.NewLine}{Output()}");
            }

            if (DateTime.UtcNow >= deadline)
            {
                await KillCoreAsync();
                throw new InvalidOperationException($"{this} did not answer PING within {_options.StartTimeout}. Its output:{Environment.NewLine}{Output()}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private ProcessStartInfo RedisStartInfo()
    {
        var path = FindOnPath("redis-server")
            ?? throw new InvalidOperationException("redis-server is not on the PATH. Install it (apt-get install redis-server) or let the tests fall back to Garnet.");
        var startInfo = new ProcessStartInfo(path) { WorkingDirectory = DataDirectory };
        AddArguments(
            startInfo,
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", Loopback,
            "--dir", DataDirectory,
            "--daemonize", "no",
            "--save", string.Empty,
            "--appendonly", _options.AppendOnly ? "yes" : "no");
        if (_options.AppendOnly)
        {
            AddArguments(startInfo, "--appendfsync", "always");
        }

        return startInfo;
    }

    private async Task<ProcessStartInfo> GarnetStartInfoAsync(CancellationToken cancellationToken)
    {
        var root = FindToolManifestRoot()
            ?? throw new InvalidOperationException(
                $"redis-server is not on the PATH, and no {ToolManifest} (with garnet-server) was found above {AppContext.BaseDirectory} to start Garnet from. Install redis-server or run the tests from the repository.");
        await RestoreToolsAsync(root, cancellationToken);
        var startInfo = new ProcessStartInfo(DotnetHost()) { WorkingDirectory = root };
        AddArguments(
            startInfo,
            "tool", "run", "garnet-server", "--",
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--bind", Loopback,
            // Without transaction mode Garnet runs Lua scripts concurrently, and compare-and-set scripts race.
            "--lua", "--lua-transaction-mode",
            "--checkpointdir", DataDirectory,
            // The default native device needs liburing; the managed one works everywhere.
            "--device-type", "RandomAccess",
            "--memory", "256m",
            "--index", "16m");
        if (_options.AppendOnly)
        {
            AddArguments(startInfo, "--aof", "--aof-commit-wait", "--recover");
        }

        return startInfo;
    }

    /// <summary>Restores the repository's local tools once per test process; a no-op when they are already there.</summary>
    private static async Task RestoreToolsAsync(string root, CancellationToken cancellationToken)
    {
        await s_toolRestore.WaitAsync(cancellationToken);
        try
        {
            if (s_toolRestored)
            {
                return;
            }

            var startInfo = new ProcessStartInfo(DotnetHost())
            {
                WorkingDirectory = root,
                UseShellExecute = false,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            AddArguments(startInfo, "tool", "restore");
            using var restore = Process.Start(startInfo)!;
            var stdout = restore.StandardOutput.ReadToEndAsync(cancellationToken);
            var stderr = restore.StandardError.ReadToEndAsync(cancellationToken);
            await restore.WaitForExitAsync(cancellationToken);
            if (restore.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"redis-server is not on the PATH, and 'dotnet tool restore' for Garnet failed with code {restore.ExitCode}:{Environment.NewLine}{await stdout}{await stderr}");
            }

            s_toolRestored = true;
        }
        finally
        {
            s_toolRestore.Release();
        }
    }

    private async Task<bool> PingAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(1));
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), timeout.Token);
            var buffer = new byte[64];
            var read = await stream.ReadAsync(buffer, timeout.Token);
            // A server still loading its AOF answers -LOADING; only +PONG means ready.
            return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false;
        }
    }

    private async Task KillCoreAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        KillProcess();
        await process.WaitForExitAsync();
        process.Dispose();
        _process = null;
        s_running.TryRemove(this, out _);
    }

    /// <summary>Kills the started process and its children (Garnet runs under the dotnet tool host).</summary>
    private void KillProcess()
    {
        try
        {
            _process?.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It has exited already.
        }
    }

    private void DeleteDataDirectory()
    {
        for (var attempt = 1; Directory.Exists(DataDirectory); attempt++)
        {
            try
            {
                Directory.Delete(DataDirectory, recursive: true);
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(100 * attempt);
            }
        }
    }

    private void Remember(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > OutputLinesKept)
        {
            _output.TryDequeue(out _);
        }
    }

    private string Output() => string.Join(Environment.NewLine, _output);

    private static void AddArguments(ProcessStartInfo startInfo, params string[] arguments)
    {
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }
    }

    private static string DotnetHost() => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    private static string? FindToolManifestRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, ToolManifest)))
                {
                    return directory.FullName;
                }
            }
        }

        return null;
    }
}
