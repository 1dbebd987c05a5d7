using System.Diagnostics;
using Sen.IntegrationTests.Cli;

namespace Sen.IntegrationTests.Cluster.Processes;

/// <summary>
/// One Sen node of the cluster test: `dotnet sen.dll` as an operator runs it, on a loopback port of its
/// own, with its own data folder and home folder (nothing shared through the disk but the media folder),
/// its standard output and error written to a log file.
/// </summary>
public sealed class ClusterNode : IDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromMinutes(3);

    private readonly IReadOnlyDictionary<string, string> environment;
    private readonly object logLock = new();
    private Process? process;
    private StreamWriter? log;

    public ClusterNode(string name, int port, string folder, IReadOnlyDictionary<string, string> environment)
    {
        Name = name;
        Port = port;
        Folder = folder;
        this.environment = environment;
        LogPath = Path.Combine(folder, name + ".log");
    }

    public string Name { get; }

    public int Port { get; }

    public string Folder { get; }

    public string LogPath { get; }

    public Uri Address => new($"http://127.0.0.1:{Port}");

    public string Upstream => $"127.0.0.1:{Port}";

    public bool IsRunning => process is { HasExited: false };

    /// <summary>The built Sen next to the test assembly (the tests reference it), or the project's own build output.</summary>
    public static string SenDll
    {
        get
        {
            var beside = Path.Combine(AppContext.BaseDirectory, "sen.dll");
            if (File.Exists(beside) && File.Exists(Path.Combine(AppContext.BaseDirectory, "sen.runtimeconfig.json")))
            {
                return beside;
            }

            return Path.Combine(SenProcess.RepositoryRoot, "src", "Sen.Web", "bin", SenProcess.Configuration, "net10.0", "sen.dll");
        }
    }

    public static string ContentRoot => Path.Combine(SenProcess.RepositoryRoot, "src", "Sen.Web");

    /// <summary>Starts the node (again, after <see cref="KillHard"/>) and waits until /readyz answers 200.</summary>
    public async Task StartAsync(HttpClient probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        Assert.False(IsRunning, $"{Name} is already running");
        lock (logLock)
        {
            log?.Dispose();
            log = new StreamWriter(LogPath, append: true) { AutoFlush = true };
            log.WriteLine($"==== {Name} starting at {DateTime.UtcNow:O} on {Address}");
        }

        var start = Command(SenDll, "--urls", Address.ToString().TrimEnd('/'));
        process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        process.OutputDataReceived += (_, e) => Write("out", e.Data);
        process.ErrorDataReceived += (_, e) => Write("err", e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await WaitReadyAsync(probe);
    }

    /// <summary>Runs a Sen command (`sen user add ...`) against this node's configuration; returns its standard output.</summary>
    public async Task<string> RunCommandAsync(params string[] arguments)
    {
        var start = Command(SenDll, arguments);
        using var command = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        var output = command.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = command.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await command.WaitForExitAsync(timeout.Token);
        var text = await output + await error;
        Write("cmd", $"sen {string.Join(' ', arguments)} → exit {command.ExitCode}\n{text}");
        Assert.True(command.ExitCode == 0, $"sen {string.Join(' ', arguments)} exited {command.ExitCode}:\n{text}");
        return await output;
    }

    /// <summary>SIGKILL: no shutdown, no last flush, as when the machine loses power or the kernel kills it.</summary>
    public void KillHard()
    {
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: false);
            process.WaitForExit(10_000);
        }

        Write("test", "killed with SIGKILL");
    }

    /// <summary>The end of the log, for a failure message.</summary>
    public string LogTail(int characters = 6000)
    {
        lock (logLock)
        {
            log?.Flush();
        }

        if (!File.Exists(LogPath))
        {
            return $"({Name}: no log)";
        }

        string text;
        using (var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
        using (var reader = new StreamReader(stream))
        {
            text = reader.ReadToEnd();
        }

        return $"---- {Name} ({LogPath}) ----\n" + (text.Length > characters ? "…" + text[^characters..] : text);
    }

    public void Dispose()
    {
        // Only the process this node started, by its own handle.
        if (process is { HasExited: false })
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(10_000);
        }

        process?.Dispose();
        lock (logLock)
        {
            log?.Dispose();
            log = null;
        }
    }

    private ProcessStartInfo Command(string dll, params string[] arguments)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = Folder,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // What the test runner was started with must not decide for the node.
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Sen__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Redis__", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        // The source's Sen.Web folder: appsettings.json, wwwroot (the build beside the tests has neither).
        start.Environment["ASPNETCORE_CONTENTROOT"] = ContentRoot;
        return start;
    }

    private async Task WaitReadyAsync(HttpClient probe)
    {
        var clock = Stopwatch.StartNew();
        var last = "no answer";
        while (clock.Elapsed < ReadyTimeout)
        {
            Assert.False(process!.HasExited, $"{Name} exited before it was ready:\n{LogTail()}");
            try
            {
                using var response = await probe.GetAsync(new Uri(Address, "/readyz"), TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    Write("test", $"ready after {clock.Elapsed.TotalSeconds:0.0} s");
                    return;
                }

                last = $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)}";
            }
            catch (HttpRequestException e)
            {
                last = e.Message;
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                last = "timed out";
            }

            await Task.Delay(250, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"{Name} was not ready within {ReadyTimeout} (last /readyz: {last}):\n{LogTail()}");
    }

    private void Write(string stream, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (logLock)
        {
            log?.WriteLine($"{DateTime.UtcNow:HH:mm:ss.fff} {stream} {line}");
        }
    }

    private static string DotnetHost()
    {
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrWhiteSpace(host) && File.Exists(host) ? host : "dotnet";
    }
}
