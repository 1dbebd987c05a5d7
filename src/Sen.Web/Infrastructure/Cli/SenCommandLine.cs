using System.CommandLine;
using Sen.Web.Infrastructure.Cluster;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Hosting;

namespace Sen.Web.Infrastructure.Cli;

/// <summary>
/// The operators' face of the same binary: `sen import text page.txt --category cong-tac-dan-van`.
/// Each feature builds its own commands; this class only gathers them and runs them.
/// </summary>
public static class SenCommandLine
{
    private static readonly string[] HelpTokens = ["--help", "-h", "-?"];

    /// <summary>
    /// True when the arguments are for the command line rather than the web host: a command word,
    /// a help or version flag, or `serve` asking for help. Other '-' arguments configure the host.
    /// </summary>
    public static bool IsCommand(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        return args switch
        {
            [] => false,
            ["serve", .. var rest] => rest.Any(HelpTokens.Contains),
            [var first, ..] => !first.StartsWith('-') || HelpTokens.Contains(first) || first == "--version",
        };
    }

    /// <summary>Runs <paramref name="args"/> against the features' <paramref name="commands"/> (Program lists them).</summary>
    public static async Task<int> RunAsync(string[] args, params IEnumerable<Command> commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var root = new RootCommand("Sen – cổng thông tin điện tử / e-information portal. Không có lệnh: chạy máy chủ web. / No command: serve the portal.")
        {
            ServeCommand(),
        };
        foreach (var command in commands)
        {
            root.Subcommands.Add(command);
        }

        return await root.Parse(args).InvokeAsync().ConfigureAwait(false);
    }

    /// <summary>
    /// Builds the app without serving it, migrates, and runs <paramref name="work"/> in a scope. A
    /// start-up failure (data folder, database) is told in one line and gives <see cref="StartupFailure.ExitCode"/>.
    /// </summary>
    public static async Task<int> WithServicesAsync(Func<IServiceProvider, CancellationToken, Task<int>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        WebApplication app;
        try
        {
            app = SenApp.Build([]);
        }
        catch (Exception e) when (StartupFailure.Describe(e) is not null)
        {
            return await StartupFailure.ReportAsync(e).ConfigureAwait(false);
        }

        await using (app.ConfigureAwait(false))
        {
            try
            {
                await app.Services.InitializeDatabaseAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (StartupFailure.Describe(e) is not null)
            {
                return await StartupFailure.ReportAsync(e).ConfigureAwait(false);
            }

            var scope = app.Services.CreateAsyncScope();
            await using (scope.ConfigureAwait(false))
            {
                try
                {
                    return await work(scope.ServiceProvider, cancellationToken).ConfigureAwait(false);
                }
                finally
                {
                    // Also after Ctrl-C: what the command committed is on the public pages within seconds.
                    await ContentStamps.AfterCommandAsync(app.Services).ConfigureAwait(false);
                }
            }
        }
    }

    /// <summary>
    /// Program serves without System.CommandLine (any host setting may follow `serve`); this
    /// command is here so that `sen --help` lists it and `sen serve --help` explains it.
    /// </summary>
    private static Command ServeCommand() => new("serve", "Chạy cổng thông tin (mặc định). / Serve the portal (default).")
    {
        new Option<string>("--urls") { Description = "Địa chỉ lắng nghe, mặc định / addresses to listen on, default http://localhost:5000 (ASPNETCORE_URLS)." },
        new Option<string>("--contentRoot") { Description = "Thư mục chứa appsettings.json, wwwroot, App_Data; mặc định thư mục của chương trình. / Folder of appsettings.json, wwwroot, App_Data; default: the program's folder (ASPNETCORE_CONTENTROOT)." },
        new Option<string>("--environment") { Description = "Production (mặc định / default) hoặc / or Development (ASPNETCORE_ENVIRONMENT)." },
    };
}
