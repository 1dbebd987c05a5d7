namespace Sen.Browser.Tests.Infrastructure;

/// <summary>A tool the suite needs from the machine: skipped on a developer's machine without it, a failure in CI.</summary>
public static class Requirement
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public static void Unavailable(string reason)
    {
        if (InCi)
        {
            Assert.Fail("CI=true but " + reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>Debian's Chromium ($SEN_CHROMIUM, else /usr/bin/chromium), or why there is none.</summary>
    public static (string? Path, string? Missing) Chromium()
    {
        var configured = Environment.GetEnvironmentVariable("SEN_CHROMIUM");
        var path = string.IsNullOrWhiteSpace(configured) ? "/usr/bin/chromium" : configured;
        return File.Exists(path)
            ? (path, null)
            : (null, $"Chromium not found at {path}. Install it (apt-get install chromium) or point SEN_CHROMIUM at a Chromium binary; the suite never downloads a browser.");
    }

    /// <summary>java and the Nu Html Checker's vnu.jar, or why they are missing.</summary>
    public static (string? Java, string? VnuJar, string? Missing) HtmlChecker(string repositoryRoot)
    {
        var jar = Path.Combine(repositoryRoot, "node_modules", "vnu-jar", "build", "dist", "vnu.jar");
        var java = FindOnPath("java");
        if (java is null)
        {
            return (null, null, "Java not found. Install a runtime (apt-get install default-jre-headless) to run the Nu Html Checker.");
        }

        return File.Exists(jar)
            ? (java, jar, null)
            : (null, null, $"vnu.jar not found at {jar}. Run `npm ci --ignore-scripts` in the repository root.");
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
