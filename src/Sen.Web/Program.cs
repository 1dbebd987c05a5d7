using Sen.Web;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Backup;
using Sen.Web.Features.Import;
using Sen.Web.Features.Search;
using Sen.Web.Infrastructure.Cli;
using Sen.Web.Infrastructure.Hosting;

// One binary, two faces: with a command word (`sen import text ...`) or a help/version flag it is
// the operators' tool; otherwise it serves the portal, and other '-' arguments are host
// configuration (--urls ...).
if (SenCommandLine.IsCommand(args))
{
    return await SenCommandLine.RunAsync(args, [ImportCommands.Create(), TextCommands.Create(), SearchCommands.Create(), UserCommands.Create(), .. BackupCommands.Create()]).ConfigureAwait(false);
}

try
{
    var app = SenApp.Build(args is ["serve", ..] ? args[1..] : args, serve: true);
    await app.RunAsync().ConfigureAwait(false);
    return 0;
}
catch (Exception e) when (e is not HostAbortedException)
{
    // HostAbortedException is how tools that only need the built host (dotnet ef) stop it: theirs to catch.
    return await StartupFailure.ReportAsync(e).ConfigureAwait(false);
}

/// <summary>The entry point type, for WebApplicationFactory.</summary>
public partial class Program;
