using System.Text.Json;

namespace Sen.Browser.Tests;

/// <summary>A reader with only a keyboard can skip to the content, reach every part of the header, menu and article, and always sees where the focus is.</summary>
[Collection(BrowserSuite.Name)]
public sealed class KeyboardTests(SenSite site)
{
    private const int MaxTabs = 120;

    // Reads the focused element the way a sighted keyboard user meets it: where it is, whether the focus ring shows, and whether it is on screen.
    private const string FocusProbe = """
        () => {
          const el = document.activeElement;
          if (!el || el === document.body) return null;
          const style = getComputedStyle(el);
          const rect = el.getBoundingClientRect();
          const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
          return {
            tag: el.tagName.toLowerCase(),
            text: (el.getAttribute('aria-label') || el.textContent || el.value || el.getAttribute('placeholder') || '').replace(/\s+/g, ' ').trim().slice(0, 60),
            href: el.getAttribute('href'),
            area: el.closest('.skip-link') ? 'skip' : el.closest('.main-nav') ? 'menu' : el.closest('.site-header') ? 'header' : el.closest('main') ? 'main' : el.closest('aside') ? 'sidebar' : el.closest('footer') ? 'footer' : 'other',
            focusVisible: el.matches(':focus-visible'),
            ring,
            outline: style.outlineStyle + ' ' + style.outlineWidth + ' ' + style.outlineColor,
            onScreen: rect.width > 0 && rect.height > 0 && rect.top >= 0 && rect.left >= 0 && rect.bottom <= window.innerHeight + 1 && rect.right <= window.innerWidth + 1,
          };
        }
        """;

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Skip_link_appears_on_the_first_tab_and_moves_focus_to_the_content(string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        await page.GotoAsync(PublicPage.SeedArticlePath);

        var skip = page.Locator(".skip-link");
        var hidden = await skip.BoundingBoxAsync();
        Assert.True(hidden is null || hidden.Y + hidden.Height <= 0, "The skip link shows before it has focus.");

        await page.Keyboard.PressAsync("Tab");
        var focus = await ProbeAsync(page);
        Assert.Equal("skip", focus?.Area);
        Assert.True(focus!.OnScreen && focus.Ring && focus.FocusVisible, $"The focused skip link is not visible: {focus}");

        await page.Keyboard.PressAsync("Enter");
        Assert.Equal("main", await page.EvaluateAsync<string>("() => document.activeElement.id"));

        // The next Tab continues inside the content, not back at the top of the page.
        await page.Keyboard.PressAsync("Tab");
        focus = await ProbeAsync(page);
        Assert.Equal("main", focus?.Area);
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Tab_reaches_the_search_box_every_menu_item_and_the_article_with_a_visible_focus_ring(string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        await page.GotoAsync(PublicPage.SeedArticlePath);
        var menu = await page.Locator(".main-nav a").AllTextContentsAsync();

        var stops = new List<Focus>();
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var focus = await ProbeAsync(page);
            if (focus is null || (stops.Count > 0 && focus.Area == "skip"))
            {
                break;
            }

            stops.Add(focus);
        }

        var output = TestContext.Current.TestOutputHelper;
        output?.WriteLine($"{stops.Count} tab stops at {viewport} size:");
        foreach (var stop in stops)
        {
            output?.WriteLine("  " + stop);
        }

        Assert.Contains(stops, s => s.Area == "header" && s.Tag == "input");
        Assert.Contains(stops, s => s.Area == "header" && s.Tag == "button");
        Assert.Equal(menu.Select(m => m.Trim()), stops.Where(s => s.Area == "menu").Select(s => s.Text));
        Assert.Contains(stops, s => s.Area == "main" && s.Text == "[Trở về]");
        Assert.Contains(stops, s => s.Area == "sidebar" && s.Tag == "select");
        Assert.Contains(stops, s => s.Area == "footer");

        var invisible = stops.Where(s => !s.Ring || !s.FocusVisible || !s.OnScreen).ToList();
        Assert.True(invisible.Count == 0, "Focus without a visible ring or off screen:\n" + string.Join("\n", invisible));

        // Stops come in reading order: header, menu, content, side column, footer.
        var order = new[] { "skip", "header", "menu", "main", "sidebar", "footer" };
        var areas = stops.Select(s => Array.IndexOf(order, s.Area)).ToList();
        Assert.Equal(areas.Order(), areas);
    }

    [Theory]
    [InlineData(Viewports.Desktop)]
    [InlineData(Viewports.Phone)]
    public async Task Enter_on_a_menu_item_opens_its_category(string viewport)
    {
        await using var context = await site.NewContextAsync(viewport);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        for (var i = 0; i < MaxTabs; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await ProbeAsync(page) is { Area: "menu", Text: "Xây dựng Đảng" })
            {
                // Waiting starts before the key is pressed: a category page served from the cache can load before a wait begun after it.
                var opened = page.WaitForURLAsync(new Uri(site.BaseAddress, "/xay-dung-dang").ToString());
                await page.Keyboard.PressAsync("Enter");
                await opened;
                Assert.Equal("Xây dựng Đảng", await page.Locator("main h1").InnerTextAsync());
                return;
            }
        }

        Assert.Fail("Tab never reached «Xây dựng Đảng» in the menu.");
    }

    private static async Task<Focus?> ProbeAsync(IPage page)
    {
        var json = await page.EvaluateAsync<JsonElement?>(FocusProbe);
        return json is { ValueKind: JsonValueKind.Object } value ? value.Deserialize<Focus>(JsonOptions) : null;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private sealed record Focus(string Tag, string Text, string? Href, string Area, bool FocusVisible, bool Ring, string Outline, bool OnScreen);
}
