using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Newsroom;
using Sen.Web.Features.ViewCounts;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;
using static Sen.IntegrationTests.Newsroom.NewsroomActs;

namespace Sen.IntegrationTests.Dashboard;

/// <summary>The dashboard: each role's lists, and the readers' views by Vietnam day from ArticleViewsDaily.</summary>
public abstract class DashboardTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IServiceProvider App => factory.Services;

    [Fact]
    public async Task A_writer_sees_their_own_drafts_and_returned_articles_and_an_approver_what_waits()
    {
        factory.RequireProvider();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var otherWriter = await factory.CreateAsync(SenRoles.Writer);
        var approver = await factory.CreateAsync(SenRoles.Approver);
        var asWriter = new Actor(writer.Id, writer.Email, [SenRoles.Writer]);
        var asOtherWriter = new Actor(otherWriter.Id, otherWriter.Email, [SenRoles.Writer]);
        var asApprover = new Actor(approver.Id, approver.Email, [SenRoles.Approver]);

        var draft = (await App.CreateAsync(asWriter, await App.FieldsAsync("Bản nháp đầu tiên"))).ArticleId!.Value;
        Assert.Equal(NewsroomOutcome.Done, (await App.SaveAsync(asWriter, draft, 1, await App.FieldsAsync("Bản nháp đã sửa tiêu đề"))).Outcome);
        var othersDraft = (await App.CreateAsync(asOtherWriter, await App.FieldsAsync("Bản nháp của người khác"))).ArticleId!.Value;
        var returned = (await App.CreateAsync(asWriter, await App.FieldsAsync("Bài cần bổ sung"))).ArticleId!.Value;
        Assert.Equal(NewsroomOutcome.Done, (await App.SubmitAsync(asWriter, returned)).Outcome);
        Assert.Equal(NewsroomOutcome.Done, (await App.ReturnAsync(asApprover, returned, "Thêm số liệu năm 2025.")).Outcome);
        var submitted = (await App.CreateAsync(asWriter, await App.FieldsAsync("Bài gửi duyệt"))).ArticleId!.Value;
        factory.Clock.Advance(TimeSpan.FromMinutes(3));
        var submittedAt = factory.Clock.GetUtcNow().UtcDateTime;
        Assert.Equal(NewsroomOutcome.Done, (await App.SubmitAsync(asWriter, submitted)).Outcome);

        var mine = await (await SignedInAsync(writer)).GetDocumentAsync("/admin");
        Assert.Null(mine.QuerySelector("#dashboard-waiting"));
        var drafts = mine.QuerySelectorAll(".dashboard-drafts li a").Select(a => (a.GetAttribute("href"), a.Text())).ToList();
        Assert.Equal([($"/admin/bai-viet/{draft}", "Bản nháp đã sửa tiêu đề")], drafts);
        var back = Assert.Single(mine.QuerySelectorAll(".dashboard-returned li"));
        Assert.Equal($"/admin/bai-viet/{returned}", back.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("Ý kiến người duyệt: Thêm số liệu năm 2025.", back.QuerySelector(".dashboard-comment")!.Text());
        Assert.DoesNotContain(mine.QuerySelectorAll("a"), a => a.GetAttribute("href") == $"/admin/bai-viet/{othersDraft}");

        var approvers = await (await SignedInAsync(approver)).GetDocumentAsync("/admin");
        Assert.Equal("Bài chờ duyệt", approvers.QuerySelector("#dashboard-waiting")!.Text());
        var row = Assert.Single(approvers.QuerySelectorAll(".dashboard-waiting tbody tr"), r => r.QuerySelector("a")!.GetAttribute("href") == $"/admin/bai-viet/{submitted}");
        Assert.Equal(
            ["Bài gửi duyệt", writer.DisplayName.Length > 0 ? writer.DisplayName : writer.Email, VietnamTime.Format(submittedAt)],
            row.QuerySelectorAll("td").Select(td => td.Text()));
        Assert.DoesNotContain(approvers.QuerySelectorAll(".dashboard-waiting a"), a => a.GetAttribute("href") == $"/admin/bai-viet/{draft}");
        Assert.Equal("Bạn không có bài nháp nào.", approvers.QuerySelector("#dashboard-drafts + p")!.Text());
        Assert.Empty(approvers.QuerySelectorAll(".dashboard-returned li"));
    }

    [Fact]
    public async Task Views_today_the_top_of_seven_days_and_a_bar_and_a_row_per_day_of_thirty_by_vietnam_day()
    {
        factory.RequireProvider();

        // 17:30 UTC is 00:30 the next day in Vietnam: "today" is not the UTC date.
        var now = factory.Clock.GetUtcNow();
        var target = new DateTimeOffset(now.UtcDateTime.Date.AddHours(17).AddMinutes(30), TimeSpan.Zero);
        factory.Clock.Advance((target > now ? target : target.AddDays(1)) - now);
        var utcDate = DateOnly.FromDateTime(factory.Clock.GetUtcNow().UtcDateTime);
        var today = utcDate.AddDays(1);

        var first = await factory.PickAsync(0);
        var second = await factory.PickAsync(1);
        var third = await factory.PickAsync(2);
        var rows = new (TestArticle Article, int DaysAgo, long Views)[]
        {
            (first, 0, 7), (first, 1, 100), (first, 6, 20), (first, 7, 1000), (first, 29, 3), (first, 30, 5000),
            (second, 0, 5), (second, 3, 40),
            (third, 10, 500),
        };
        await factory.InScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            db.ArticleViewsDaily.AddRange(rows.Select(r => new ArticleViewsDaily { ArticleId = r.Article.Id, Day = today.AddDays(-r.DaysAgo), Views = r.Views }));
            return db.SaveChangesAsync(Ct);
        });
        Assert.Equal(utcDate, today.AddDays(-1));

        var page = await (await SignedInAsync(await factory.CreateAsync(SenRoles.Writer))).GetDocumentAsync("/admin");
        Assert.Equal("12", page.QuerySelector(".dashboard-number strong")!.Text());
        Assert.Contains(today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), page.QuerySelector(".dashboard-number")!.Text(), StringComparison.Ordinal);

        Assert.Equal(
            [(first.Title, "127 lượt xem"), (second.Title, "45 lượt xem")],
            page.QuerySelectorAll(".dashboard-top li").Select(li => (li.QuerySelector("a")!.Text(), li.QuerySelector(".admin-hint")!.Text())));
        Assert.Equal($"/admin/bai-viet/{first.Id}", page.QuerySelector(".dashboard-top a")!.GetAttribute("href"));

        var expected = Enumerable.Range(0, 30).Select(i => today.AddDays(i - 29))
            .Select(day => (Day: day, Views: rows.Where(r => today.AddDays(-r.DaysAgo) == day).Sum(r => r.Views)))
            .ToList();
        Assert.Equal(1675, expected.Sum(d => d.Views));

        var svg = page.QuerySelector("svg.views-chart")!;
        Assert.Equal("img", svg.GetAttribute("role"));
        Assert.False(string.IsNullOrWhiteSpace(svg.GetAttribute("aria-label")));
        Assert.Null(page.QuerySelector("[style]"));
        var bars = svg.QuerySelectorAll("rect.chart-bar");
        Assert.Equal(30, bars.Length);
        Assert.Equal(expected.Select(d => d.Day.ToString("dd/MM", CultureInfo.InvariantCulture)), bars.Select(b => b.GetAttribute("data-day")));
        Assert.Equal(expected.Select(d => d.Views.ToString(CultureInfo.InvariantCulture)), bars.Select(b => b.GetAttribute("data-views")));
        var heights = bars.Select(b => double.Parse(b.GetAttribute("height")!, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(heights.Max(), heights[expected.FindIndex(d => d.Views == 1000)]);
        Assert.Equal(0, heights[1]);
        Assert.Contains(svg.QuerySelectorAll("text.chart-label"), t => t.Text() == today.ToString("dd/MM", CultureInfo.InvariantCulture));

        var table = page.QuerySelector("table.views-table")!;
        Assert.False(string.IsNullOrWhiteSpace(table.QuerySelector("caption")!.Text()));
        Assert.Equal(["col", "col"], table.QuerySelectorAll("thead th").Select(th => th.GetAttribute("scope")));
        var tableRows = table.QuerySelectorAll("tbody tr");
        Assert.Equal(
            expected.Select(d => (d.Day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture), ViewCountMarker.Format(d.Views))),
            tableRows.Select(r => (r.QuerySelector("th[scope=row]")!.Text(), r.QuerySelector("td")!.Text())));
        Assert.Contains(tableRows, r => r.QuerySelector("td")!.Text() == "1.000");
    }

    private async Task<HttpClient> SignedInAsync(TestAccount account)
    {
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(account.Email, TestAccounts.Password)).StatusCode);
        return client;
    }
}

public sealed class SqliteDashboardTests(SqliteAppFactory factory) : DashboardTests<SqliteAppFactory>(factory);

public sealed class PostgresDashboardTests(PostgresAppFactory factory) : DashboardTests<PostgresAppFactory>(factory);
