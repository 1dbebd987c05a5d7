namespace Sen.Browser.Tests.Infrastructure;

/// <summary>The Nu Html Checker: vnu.jar from npm (node_modules/vnu-jar) run on the machine's Java.</summary>
public static class HtmlChecker
{
    /// <summary>java and vnu.jar, or why they are missing.</summary>
    public static (string? Java, string? VnuJar, string? Missing) Find(string repositoryRoot)
    {
        var jar = Path.Combine(repositoryRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        var java = FindOnPath("java");
        if (java is null)
        {
            return (null, null, "Java not found. Install a runtime (apt-get install default-jre-headless) to run the Nu Html Checker.");
        }

        return File.Exists(jar)
            ? (java, jar, null)
            : (null, null, $"vnu.jar not found at {jar}. Run `npm ci --ignore-scripts` in the repository root (./test.sh does when npm is installed).");
    }

    private static string? FindOnPath(string name)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
