namespace Sen.IntegrationTests.Cli;

/// <summary>
/// Sen and its tools published as operators deploy them (`dotnet publish`), each in a temporary
/// folder of its own, plus a scratch folder for working directories and data folders.
/// </summary>
public sealed class PublishedSen : IAsyncLifetime
{
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromMinutes(5);

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("sen-cli-");

    public string AppFolder => Path.Combine(root.FullName, "app");

    public string SenDll => Path.Combine(AppFolder, "sen.dll");

    public string ToolsDll => Path.Combine(root.FullName, "tools", "sen-tools.dll");

    public async ValueTask InitializeAsync()
    {
        await PublishAsync(Path.Combine("src", "Sen.Web", "Sen.Web.csproj"), AppFolder);
        await PublishAsync(Path.Combine("tools", "Sen.Tools", "Sen.Tools.csproj"), Path.GetDirectoryName(ToolsDll)!);
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

    private static async Task PublishAsync(string project, string folder)
    {
        // Built in this configuration as references of the tests; publishing only copies them out.
        using var publish = await SenProcess.RunAsync(SenProcess.RepositoryRoot, new Dictionary<string, string>(), PublishTimeout,
            "publish", Path.Combine(SenProcess.RepositoryRoot, project), "--no-build", "-c", SenProcess.Configuration, "-o", folder, "-nologo");
        Assert.True(publish.ExitCode == 0, $"dotnet publish {project} failed:\n{publish.Output}\n{publish.Error}");
    }
}
