using System.Reflection;

namespace Sen.Browser.Tests.Infrastructure;

/// <summary>
/// The shared fixture: one Sen process on a fresh data folder (demo content plus extra articles),
/// one HttpClient to it and, when the machine has Chromium, one headless browser.
/// </summary>
public sealed class SenSite : IAsyncLifetime
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private readonly string dataPath = Path.Combine(Path.GetTempPath(), "sen-browser-tests", Guid.NewGuid().ToString("N"));
    private SenServer? server;
    private IPlaywright? playwright;
    private IBrowser? browser;

    public static string RepositoryRoot { get; } = typeof(SenSite).Assembly
        .GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "RepositoryRoot").Value!;

    public static string ScreenshotsPath { get; } = Path.Combine(RepositoryRoot, "artifacts", "screenshots");

    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>The same server as http://localhost:port.</summary>
    public Uri HostNameAddress => new UriBuilder(BaseAddress) { Host = "localhost" }.Uri;

    /// <summary>No redirects followed, so tests see Sen's own answers; decompresses like a browser.</summary>
    public HttpClient Http { get; private set; } = null!;

    /// <summary>Why Chromium could not be started, or null.</summary>
    public string? BrowserMissing { get; private set; }

    private SenServer Server => server ?? throw new InvalidOperationException("Sen is not running.");

    public async ValueTask InitializeAsync()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        Directory.CreateDirectory(dataPath);
        await ExtraArticles.SeedAsync(dataPath, cancellationToken);
        server = await SenServer.StartAsync(dataPath, cancellationToken);
        Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All })
        {
            BaseAddress = server.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

        BrowserMissing = TestChromium.Missing;
        if (BrowserMissing is null)
        {
            // Playwright drives Debian's Chromium (never a downloaded build); each launch gets a fresh temporary profile.
            playwright = await Playwright.CreateAsync();
            browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = TestChromium.Path,
                Headless = true,
                Args = ChromiumArgs,
            });
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.CloseAsync();
        }

        playwright?.Dispose();
        Http?.Dispose();
        server?.Dispose();
        try
        {
            Directory.Delete(dataPath, recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }

    /// <summary>
    /// A fresh browser context (own cache and cookies) at a viewport, where only Sen's origin is reachable. With
    /// <paramref name="byHostName"/> Sen is reached as http://localhost:port: WebAuthn refuses IP addresses as relying parties.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(string viewport = Viewports.Desktop, bool byHostName = false)
    {
        if (browser is null)
        {
            Requirement.Unavailable(BrowserMissing ?? "Chromium did not start.");
        }

        var context = await browser!.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = (byHostName ? HostNameAddress : BaseAddress).ToString(),
            ViewportSize = Viewports.Size(viewport),
            Locale = "vi-VN",
            IsMobile = viewport == Viewports.Phone,
            HasTouch = viewport == Viewports.Phone,
        });
        // 60 s: in CI this suite shares two cores with the integration suite (1,000 concurrent votes, bulk imports,
        // two more Sen processes in the cluster test);
        // a page that never loads still fails, just later.
        context.SetDefaultTimeout(60_000);

        // Outside sites (the "Liên kết website" list) answer with a stub: the test machine has no internet.
        var origin = (byHostName ? HostNameAddress : BaseAddress).GetLeftPart(UriPartial.Authority);
        await context.RouteAsync(url => !url.StartsWith(origin, StringComparison.Ordinal) && !url.StartsWith("data:", StringComparison.Ordinal), route =>
            route.FulfillAsync(new RouteFulfillOptions { Status = 200, ContentType = "text/html; charset=utf-8", Body = "<!DOCTYPE html><title>outside</title><p>outside</p>" }));
        return context;
    }

    public string ServerLog => Server.Log;
}
