using System.Diagnostics;
using System.Reflection;
using System.Text;

namespace Sen.IntegrationTests.Cli;

/// <summary>A real `dotnet ...` process: Sen or its tools as an operator starts them.</summary>
public sealed class SenProcess : IDisposable
{
    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly StringBuilder error = new();

    private SenProcess(Process process)
    {
        this.process = process;
    }

    public static string RepositoryRoot { get; } = typeof(SenProcess).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    /// <summary>The configuration the tests were built in; Sen was built in the same one.</summary>
    public static string Configuration { get; } = typeof(SenProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()!.Configuration;

    public string Output => Read(output);

    public string Error => Read(error);

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    /// <summary>Starts `dotnet arguments...` in <paramref name="workingDirectory"/> with a clean environment plus <paramref name="environment"/>.</summary>
    public static SenProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // What the test runner was started with must not decide for Sen (environment, URLs, logging),
        // nor for a nested dotnet run (the runner's MSBuild settings).
        foreach (var key in start.Environment.Keys.ToList())
        {
            if (key.StartsWith("ASPNETCORE_", StringComparison.OrdinalIgnoreCase) || key.StartsWith("DOTNET_ENVIRONMENT", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Sen__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase) || key.StartsWith("Database__", StringComparison.OrdinalIgnoreCase)
                || key.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase))
            {
                start.Environment.Remove(key);
            }
        }

        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var sen = new SenProcess(process);
        process.OutputDataReceived += (_, e) => Append(sen.output, e.Data);
        process.ErrorDataReceived += (_, e) => Append(sen.error, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return sen;
    }

    /// <summary>Runs to the end; a process still running after <paramref name="timeout"/> is killed and fails the test.</summary>
    public static async Task<SenProcess> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        var sen = Start(workingDirectory, environment, arguments);
        await sen.WaitForExitAsync(timeout);
        return sen;
    }

    public async Task WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        cancel.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            Assert.Fail($"dotnet {string.Join(' ', process.StartInfo.ArgumentList)} still ran after {timeout}.\n{Output}\n{Error}");
        }

        // The asynchronous readers have seen the last line only once this returns.
        process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        process.Dispose();
    }

    private void Kill()
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
    }

    private static void Append(StringBuilder text, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (text)
        {
            text.AppendLine(line);
        }
    }

    private static string Read(StringBuilder text)
    {
        lock (text)
        {
            return text.ToString();
        }
    }

    private static string DotnetHost()
    {
        // The dotnet CLI tells child processes where it is; a bare "dotnet" on PATH is the fallback.
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH");
        return !string.IsNullOrWhiteSpace(host) && File.Exists(host) ? host : "dotnet";
    }
}
