using Sen.Web;
using Sen.Web.Infrastructure.Cli;

// One binary, two faces: with a command word (`sen import text ...`) or a help/version flag it is
// the operators' tool; otherwise it serves the portal, and other '-' arguments are host
// configuration (--urls ...).
if (args.Length > 0 && args[0] != "serve" && (!args[0].StartsWith('-') || args[0] is "--help" or "-h" or "-?" or "--version"))
{
    return await SenCommandLine.RunAsync(args).ConfigureAwait(false);
}

var app = SenApp.Build(args.Length > 0 && args[0] == "serve" ? args[1..] : args, serve: true);
await app.RunAsync().ConfigureAwait(false);
return 0;

/// <summary>The entry point type, for WebApplicationFactory.</summary>
public partial class Program;
