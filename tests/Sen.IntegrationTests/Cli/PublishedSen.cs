namespace Sen.IntegrationTests.Cli;

/// <summary>
/// Sen published as operators deploy it (`dotnet publish`), in a temporary folder of its own,
/// plus a scratch folder for working directories and data folders.
/// </summary>
public sealed class PublishedSen : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("sen-cli-");

    public string AppFolder => Path.Combine(root.FullName, "app");

    public string SenDll => Path.Combine(AppFolder, "sen.dll");

    /// <summary>The tools, from the test output (the test project references them).</summary>
    public static string ToolsDll => Path.Combine(AppContext.BaseDirectory, "sen-tools.dll");

    public async ValueTask InitializeAsync()
    {
        // Sen was built in this configuration as a reference of the tests; publish only copies it out.
        using var publish = await SenProcess.RunAsync(SenProcess.RepositoryRoot, new Dictionary<string, string>(), PublishTimeout,
            "publish", Path.Combine(SenProcess.RepositoryRoot, "src", "Sen.Web", "Sen.Web.csproj"),
            "--no-build", "-c", SenProcess.Configuration, "-o", AppFolder, "-nologo");
        Assert.True(publish.ExitCode == 0, $"dotnet publish failed:\n{publish.Output}\n{publish.Error}");
    }

    /// <summary>A new empty folder under the scratch folder.</summary>
    public string NewFolder(string name)
    {
        var path = Path.Combine(root.FullName, $"{name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(path);
        return path;
    }

    /// <summary>A path under the scratch folder that does not exist yet.</summary>
    public string NewPath(string name) => Path.Combine(root.FullName, $"{name}-{Guid.NewGuid():N}");

    public ValueTask DisposeAsync()
    {
        try
        {
            root.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A process that outlived its test may still hold a file; the temp folder is cleaned eventually.
        }

        return ValueTask.CompletedTask;
    }
}
