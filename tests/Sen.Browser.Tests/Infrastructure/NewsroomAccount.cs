using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace Sen.Browser.Tests.Infrastructure;

/// <summary>
/// The first administrator of the site under test, created once through the setup link Sen logs at
/// start (there is no default password), and an HTTP client signed in as them. The link works once and
/// the suite has one site, so every class that uses this fixture shares the one account (static state).
/// </summary>
public sealed partial class NewsroomAccount(SenSite site)
{
    public const string Email = "quantri@example.vn";
    public const string Password = "MatKhauTot2026";

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static readonly CookieContainer Cookies = new();
    private static HttpClient? client;

    /// <summary>A client with the administrator's sign-in cookie (following no redirects).</summary>
    public async Task<HttpClient> SignedInAsync(CancellationToken cancellationToken)
    {
        await Gate.WaitAsync(cancellationToken);
        try
        {
            return client ??= await SetUpAsync(cancellationToken);
        }
        finally
        {
            Gate.Release();
        }
    }

    /// <summary>Signs <paramref name="page"/> in through the sign-in form, as a person would.</summary>
    public async Task SignInAsync(IPage page, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(page);
        await SignedInAsync(cancellationToken);
        await page.GotoAsync("/admin/dang-nhap");
        await page.GetByLabel("E-mail").FillAsync(Email);
        await page.GetByLabel("Mật khẩu").FillAsync(Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Đăng nhập", Exact = true }).ClickAsync();

        // Signed in once the redirect to the dashboard commits: callers go on to their own page. The address is
        // polled: waiting for the navigation event once timed out on a loaded machine with the page already at /admin.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (new Uri(page.Url).AbsolutePath != "/admin")
        {
            if (DateTime.UtcNow > deadline)
            {
                // Say where the sign-in ended and what the page said, so that a failure explains itself.
                var said = await page.Locator("body").InnerTextAsync(new() { Timeout = 5_000 });
                throw new TimeoutException($"The sign-in did not reach /admin within 30 s; the page is {page.Url}: {said}");
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    private async Task<HttpClient> SetUpAsync(CancellationToken cancellationToken)
    {
        var link = SetupLink().Matches(site.ServerLog).LastOrDefault()?.Value
            ?? throw new InvalidOperationException("Sen logged no setup link:\n" + site.ServerLog);
        var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = Cookies, AutomaticDecompression = DecompressionMethods.All })
        {
            BaseAddress = site.BaseAddress,
        };
        var form = await new HtmlParser().ParseDocumentAsync(await http.GetStringAsync(new Uri(link, UriKind.Relative), cancellationToken));
        var token = form.QuerySelector("form[method=post] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Email"] = Email,
            ["DisplayName"] = "Quản trị viên",
            ["Password"] = Password,
            ["ConfirmPassword"] = Password,
        });
        using var created = await http.PostAsync(new Uri(link, UriKind.Relative), content, cancellationToken);
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        return http;
    }

    [GeneratedRegex("/admin/thiet-lap/[A-Za-z0-9_-]{43}")]
    private static partial Regex SetupLink();
}
