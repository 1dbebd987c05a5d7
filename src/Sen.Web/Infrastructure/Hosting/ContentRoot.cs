namespace Sen.Web.Infrastructure.Hosting;

/// <summary>
/// Where Sen finds appsettings.json, wwwroot and (by default) App_Data. The host would take the
/// working folder, so `cd /tmp &amp;&amp; dotnet /srv/sen/sen.dll` ran without its settings and stylesheets.
/// Sen takes its own folder instead: the published program's folder, or for a build the project
/// folder named in <see cref="MarkerFile"/> (written by Directory.Build.targets), so that
/// `dotnet run --project src/Sen.Web` keeps src/Sen.Web/App_Data wherever it is started from.
/// --contentRoot or ASPNETCORE_CONTENTROOT still decide when given.
/// </summary>
public static class ContentRoot
{
    public const string MarkerFile = "sen.contentroot";

    /// <returns>The folder to use, or null when the host's own setting applies.</returns>
    public static string? For(string[] args)
    {
        var host = new ConfigurationBuilder()
            .AddEnvironmentVariables("DOTNET_")
            .AddEnvironmentVariables("ASPNETCORE_")
            .AddCommandLine(args)
            .Build();
        if (!string.IsNullOrWhiteSpace(host[HostDefaults.ContentRootKey]))
        {
            return null;
        }

        var marker = Path.Combine(AppContext.BaseDirectory, MarkerFile);
        if (File.Exists(marker) && File.ReadAllText(marker).Trim() is { Length: > 0 } projectFolder && Directory.Exists(projectFolder))
        {
            return projectFolder;
        }

        return AppContext.BaseDirectory;
    }
}
