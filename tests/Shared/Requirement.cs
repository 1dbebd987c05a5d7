using System.Diagnostics.CodeAnalysis;

namespace Sen.Testing;

/// <summary>
/// Something a test needs from the machine (a server, a browser, a tool). Missing on a developer's machine,
/// the test skips and says how to get it; missing under CI=true, the test fails, so CI never passes by skipping.
/// This file is linked into each test project (tests/Shared), so every suite decides the same way.
/// </summary>
public static class Requirement
{
    public static bool InCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Skips the calling test with <paramref name="reason"/>, or fails it under CI=true.</summary>
    [DoesNotReturn]
    public static void Unavailable(string reason)
    {
        if (InCi)
        {
            Assert.Fail("CI=true but " + reason);
        }

        Assert.Skip(reason);
    }

    /// <summary>Skips (or under CI=true fails) the calling test when <paramref name="missing"/> says why it cannot run.</summary>
    public static void Require(string? missing)
    {
        if (missing is not null)
        {
            Unavailable(missing);
        }
    }
}

/// <summary>A server the tests reach through an environment variable; ./test.sh starts one when the machine has it installed.</summary>
public sealed record TestServer(string Name, string Variable, string Example, string Package)
{
    public static readonly TestServer Postgres = new(
        "PostgreSQL", "SEN_TEST_POSTGRES", "Host=127.0.0.1;Port=5432;Username=postgres;Database=postgres", "postgresql");

    public static readonly TestServer Redis = new("Redis", "SEN_TEST_REDIS", "127.0.0.1:6379", "redis-server");

    /// <summary>The variable's value, or null when it is unset or blank.</summary>
    public string? Value => Environment.GetEnvironmentVariable(Variable) is { } value && !string.IsNullOrWhiteSpace(value) ? value : null;

    /// <summary>Why the server's tests cannot run here, or null when the variable is set.</summary>
    public string? Missing => Value is null
        ? $"{Name} tests skipped: {Variable} is not set. Run ./test.sh with {Name} installed (apt-get install {Package}), which starts a throwaway server, or set {Variable} (for example \"{Example}\")."
        : null;

    /// <summary>The variable's value; skips (or under CI=true fails) the calling test when it is not set.</summary>
    public string Require()
    {
        Requirement.Require(Missing);
        return Value!;
    }
}

/// <summary>Debian's Chromium for the browser suite: $SEN_CHROMIUM, else /usr/bin/chromium. The suite never downloads a browser.</summary>
public static class TestChromium
{
    public const string Variable = "SEN_CHROMIUM";

    public static string Path => Environment.GetEnvironmentVariable(Variable) is { } configured && !string.IsNullOrWhiteSpace(configured)
        ? configured
        : "/usr/bin/chromium";

    /// <summary>Why there is no Chromium to run, or null.</summary>
    public static string? Missing => File.Exists(Path)
        ? null
        : $"Chromium not found at {Path}. Install it (apt-get install chromium) or point {Variable} at a Chromium binary; the suite never downloads a browser.";
}
