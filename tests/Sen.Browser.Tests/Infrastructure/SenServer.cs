using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace Sen.Browser.Tests.Infrastructure;

/// <summary>Sen as a real process (dotnet sen.dll) in Production on a free loopback port.</summary>
public sealed class SenServer : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private SenServer(Process process, Uri baseAddress)
    {
        this.process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    public static async Task<SenServer> StartAsync(string dataPath, CancellationToken cancellationToken)
    {
        var senDll = Path.Combine(AppContext.BaseDirectory, "sen-app", "sen.dll");
        if (!File.Exists(senDll))
        {
            throw new InvalidOperationException($"{senDll} is missing: the test project publishes Sen there when it builds.");
        }

        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var start = new ProcessStartInfo(DotnetHost(), $"\"{senDll}\"")
        {
            WorkingDirectory = Path.GetDirectoryName(senDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Sen__DataPath"] = dataPath;
        start.Environment["Database__Provider"] = "Sqlite";
        start.Environment["ConnectionStrings__Default"] = "";
        start.Environment["Logging__LogLevel__Default"] = "Warning";

        // The suite signs in through the form from one address dozens of times a minute.
        start.Environment["Accounts__SignInRateLimit__PermitsPerMinute"] = "100000";

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var server = new SenServer(process, baseAddress);
        process.OutputDataReceived += (_, e) => server.Append(e.Data);
        process.ErrorDataReceived += (_, e) => server.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            await server.WaitForHealthAsync(cancellationToken);
        }
        catch
        {
            server.Dispose();
            throw;
        }

        return server;
    }

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    private async Task WaitForHealthAsync(CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"Sen exited with code {process.ExitCode} before answering /healthz:\n{Log}");
            }

            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Slow first answer; try again.
            }

            await Task.Delay(100, cancellationToken);
        }

        throw new TimeoutException($"Sen did not answer /healthz within 90 s:\n{Log}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (log)
        {
            log.AppendLine(line);
        }
    }

    private static string DotnetHost()
    {
        // The dotnet CLI tells child processes where it is; a bare "dotnet" on PATH is the fallback.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrWhiteSpace(host) && File.Exists(host) ? host : "dotnet";
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
