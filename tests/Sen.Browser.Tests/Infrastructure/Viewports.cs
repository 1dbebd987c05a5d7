namespace Sen.Browser.Tests.Infrastructure;

/// <summary>The two screens every journey is tried on.</summary>
public static class Viewports
{
    public const string Phone = "phone";
    public const string Desktop = "desktop";

    public static ViewportSize Size(string name) => name switch
    {
        Phone => new ViewportSize { Width = 390, Height = 844 },
        Desktop => new ViewportSize { Width = 1366, Height = 768 },
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown viewport."),
    };
}
