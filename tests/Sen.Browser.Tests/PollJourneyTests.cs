namespace Sen.Browser.Tests;

/// <summary>A reader with only a keyboard votes in the sidebar poll and sees the results, without the page reloading.</summary>
[Collection(BrowserSuite.Name)]
public sealed class PollJourneyTests(SenSite site)
{
    private const int MaxTabs = 150;

    [Fact]
    public async Task Reader_votes_in_the_sidebar_poll_with_the_keyboard_and_sees_the_results()
    {
        await using var context = await site.NewContextAsync(Viewports.Desktop);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        var poll = page.Locator(".sidebar-poll");
        Assert.Equal("Bạn đánh giá như thế nào về cổng thông tin này?", await poll.Locator("legend").InnerTextAsync());

        // Tab through the page until the poll's first answer has the focus.
        var tabs = 0;
        while (!await FocusedAsync(page, ".sidebar-poll input[type=radio]"))
        {
            Assert.True(++tabs < MaxTabs, "Tab never reached the poll.");
            await page.Keyboard.PressAsync("Tab");
        }

        // An arrow key moves to, and chooses, the next answer; Tab goes on to the button.
        await page.Keyboard.PressAsync("ArrowDown");
        Assert.True(await poll.GetByLabel("Tốt", new() { Exact = true }).IsCheckedAsync());
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusedAsync(page, ".sidebar-poll button[type=submit]"));

        var voted = page.WaitForResponseAsync(r => r.Request.Method == "POST" && r.Url.EndsWith("/tham-do/1/binh-chon", StringComparison.Ordinal));
        await page.Keyboard.PressAsync("Enter");
        Assert.Equal(200, (await voted).Status);

        // The results replace the form, in place, and take the focus so a screen reader reads them.
        var outcome = poll.Locator(".poll-outcome");
        await outcome.WaitForAsync();
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        Assert.True(await FocusedAsync(page, ".sidebar-poll .poll-outcome"));
        Assert.Equal("Cảm ơn bạn đã tham gia bình chọn.", await outcome.Locator(".poll-message").InnerTextAsync());
        var lines = await outcome.Locator("li").AllInnerTextsAsync();
        Assert.Equal(4, lines.Count);
        Assert.Matches(@"^Tốt: [1-9][0-9.]* phiếu \(", lines[1]);

        // The next Tab reaches the link to the full results, and Enter follows it.
        await page.Keyboard.PressAsync("Tab");
        Assert.True(await FocusedAsync(page, ".sidebar-poll .poll-outcome a"));
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync(new Uri(site.BaseAddress, "/tham-do/1").ToString());
        var row = page.Locator("table.poll-results tbody tr").Nth(1);
        Assert.Equal("Tốt", await row.Locator("th").InnerTextAsync());
        Assert.NotEqual("0", await row.Locator("td").First.InnerTextAsync());

        // Back on a page, the same reader is told they already voted, with the results.
        await page.GotoAsync("/tin-tuc-su-kien");
        await page.Locator(".sidebar-poll input[type=radio]").First.FocusAsync();
        await page.Keyboard.PressAsync("Space");
        await page.Keyboard.PressAsync("Enter");
        await outcome.WaitForAsync();
        Assert.Contains("đã bình chọn", await outcome.Locator(".poll-message").InnerTextAsync(), StringComparison.Ordinal);
    }

    private static Task<bool> FocusedAsync(IPage page, string selector) =>
        page.EvaluateAsync<bool>("s => !!document.activeElement && document.activeElement.matches(s)", selector);
}
