namespace Sen.Tests.Localization;

/// <summary>Files of this repository, found from the test's own location (the folder that holds Sen.slnx).</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string PathOf(params string[] parts) => Path.Combine([Root, .. parts]);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Sen.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Sen.slnx above {AppContext.BaseDirectory}.");
    }
}
