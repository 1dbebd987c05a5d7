using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Newsroom;
using Sen.Web.Features.Notifications;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Notifications;

/// <summary>
/// Workflow steps tell the people concerned, in the list at /admin/thong-bao and by e-mail to a real SMTP server
/// in the test process; a mail server that is down never stops a step, and its e-mails go out when it is back.
/// </summary>
public abstract class NotificationTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string PublicUrl = "https://toasoan.example.vn";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_submission_tells_every_approver_and_administrator_by_email_and_in_app_but_not_the_writer_nor_a_disabled_account()
    {
        factory.RequireProvider();
        await using var smtp = new SmtpListener().Start();
        using var log = new LogCapture();
        await using var app = WithSmtp(smtp, log);
        var writer = await PersonAsync(SenRoles.Writer);
        var approver = await PersonAsync(SenRoles.Approver);
        var admin = await PersonAsync(SenRoles.Admin);
        var disabled = await PersonAsync(SenRoles.Approver);
        await DisableAsync(disabled.Account.Id);

        var title = Unique("Báo cáo chính trị trình Đại hội");
        var id = (await app.Services.CreateAsync(writer.Actor, await app.Services.FieldsAsync(title))).ArticleId!.Value;
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.SubmitAsync(writer.Actor, id)).Outcome);

        var reviewers = await EnabledReviewersAsync();
        Assert.Contains(approver.Account.Id, reviewers);
        Assert.Contains(admin.Account.Id, reviewers);
        Assert.DoesNotContain(disabled.Account.Id, reviewers);
        Assert.Equal(reviewers, (await NotificationsOfAsync(id)).Select(n => n.UserId).Order());
        Assert.All(await NotificationsOfAsync(id), n => Assert.NotEqual(EmailState.None, n.EmailState));

        await WaitUntilAsync(async () => (await NotificationsOfAsync(id)).All(n => n.EmailState == EmailState.Sent), log);
        var mails = await smtp.WaitForAsync(title, reviewers.Count);
        var recipients = mails.SelectMany(m => m.To.Mailboxes).Select(m => m.Address).ToList();
        Assert.Contains(approver.Account.Email, recipients);
        Assert.Contains(admin.Account.Email, recipients);
        Assert.DoesNotContain(writer.Account.Email, recipients);
        Assert.DoesNotContain(disabled.Account.Email, recipients);
        Assert.Equal(recipients.Count, recipients.Distinct().Count());

        var mail = mails.Single(m => m.To.Mailboxes.Single().Address == approver.Account.Email);
        Assert.Equal($"[Tòa soạn] Bài chờ duyệt: {title}", mail.Subject);
        Assert.Equal("toasoan@example.vn", mail.From.Mailboxes.Single().Address);
        var link = $"{PublicUrl}/admin/bai-viet/{id.ToString(CultureInfo.InvariantCulture)}";
        Assert.Contains(link, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", mail.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("đã gửi bài để duyệt", mail.TextBody, StringComparison.Ordinal);

        await WaitUntilAsync(async () => (await NotificationsOfAsync(id)).All(n => n.EmailState == EmailState.Sent), log);
        var row = (await NotificationsOfAsync(id)).Single(n => n.UserId == approver.Account.Id);
        Assert.Equal((NotificationKind.Submitted, $"Bài chờ duyệt: {title}", "/admin/bai-viet/" + id.ToString(CultureInfo.InvariantCulture), 1), (row.Kind, row.Title, row.Link, row.EmailAttempts));
        Assert.Null(row.ReadAt);
    }

    [Fact]
    public async Task A_return_tells_the_writer_with_the_comment_and_publishing_tells_the_owner_never_the_approver_who_acted()
    {
        factory.RequireProvider();
        await using var smtp = new SmtpListener().Start();
        using var log = new LogCapture();
        await using var app = WithSmtp(smtp, log);
        var writer = await PersonAsync(SenRoles.Writer);
        var approver = await PersonAsync(SenRoles.Approver);
        var title = Unique("Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh");
        var id = (await app.Services.CreateAsync(writer.Actor, await app.Services.FieldsAsync(title))).ArticleId!.Value;
        await app.Services.SubmitAsync(writer.Actor, id);

        Assert.Equal(NewsroomOutcome.Done, (await app.Services.ReturnAsync(approver.Actor, id, "Bổ sung số liệu quý III.")).Outcome);
        var returned = Assert.Single(await smtp.WaitForAsync($"Bài bị trả lại: {title}", 1));
        Assert.Equal(writer.Account.Email, returned.To.Mailboxes.Single().Address);
        Assert.Contains("Nhận xét: Bổ sung số liệu quý III.", returned.TextBody, StringComparison.Ordinal);
        var inApp = (await NotificationsOfAsync(id)).Where(n => n.Kind == NotificationKind.Returned).ToList();
        Assert.Equal(writer.Account.Id, Assert.Single(inApp).UserId);
        Assert.Contains("Bổ sung số liệu quý III.", inApp[0].Summary, StringComparison.Ordinal);

        await app.Services.SubmitAsync(writer.Actor, id);
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.PublishAsync(approver.Actor, id)).Outcome);
        var published = Assert.Single(await smtp.WaitForAsync($"Bài đã xuất bản: {title}", 1));
        Assert.Equal(writer.Account.Email, published.To.Mailboxes.Single().Address);

        var all = await NotificationsOfAsync(id);
        Assert.DoesNotContain(all, n => n.UserId == approver.Account.Id && n.Kind != NotificationKind.Submitted);
        Assert.Equal(writer.Account.Id, Assert.Single(all, n => n.Kind == NotificationKind.Published).UserId);

        // Scheduled, taken down: the owner again, told which.
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.UnpublishAsync(approver.Actor, id)).Outcome);
        Assert.Equal(writer.Account.Email, Assert.Single(await smtp.WaitForAsync($"Bài đã bị gỡ: {title}", 1)).To.Mailboxes.Single().Address);
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.PublishAsync(approver.Actor, id, factory.Clock.GetUtcNow().UtcDateTime.AddDays(2))).Outcome);
        Assert.Contains("hẹn xuất bản lúc", Assert.Single(await smtp.WaitForAsync($"Bài đã hẹn giờ xuất bản: {title}", 1)).TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_step_that_does_not_commit_tells_nobody()
    {
        factory.RequireProvider();
        var writer = await PersonAsync(SenRoles.Writer);
        var approver = await PersonAsync(SenRoles.Approver);
        var id = (await factory.Services.CreateAsync(writer.Actor, await factory.Services.FieldsAsync(Unique("Bài bị sửa cùng lúc")))).ArticleId!.Value;
        await factory.Services.SubmitAsync(writer.Actor, id);
        Assert.Equal(NewsroomOutcome.Forbidden, (await factory.Services.PublishAsync(writer.Actor, id)).Outcome);

        // The approver's return loses the race: someone else changed the article between reading and committing.
        var committed = await factory.Services.AsAsync(approver.Actor, async sp =>
        {
            var transitions = sp.GetRequiredService<ArticleTransitions>();
            var article = (await transitions.FindAsync(id, Ct))!;
            var decision = transitions.Decide(article, WorkflowAction.Return);
            ArticleTransitions.Enter(article, decision.Transition!);
            article.ReviewComment = "Không bao giờ tới.";
            transitions.Record(WorkflowAction.Return, AuditActions.ArticleReturned, article, article.Title);
            await factory.InScopeAsync(other => other.GetRequiredService<SenDbContext>().Articles.Where(a => a.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(a => a.Version, a => a.Version + 1), Ct));
            return await transitions.TryCommitAsync(Ct);
        });

        Assert.False(committed);
        var notifications = await NotificationsOfAsync(id);
        Assert.NotEmpty(notifications);
        Assert.All(notifications, n => Assert.Equal(NotificationKind.Submitted, n.Kind));
    }

    [Fact]
    public async Task With_the_mail_server_down_the_step_succeeds_and_its_emails_are_sent_once_the_server_is_back()
    {
        factory.RequireProvider();
        await using var smtp = new SmtpListener();
        using var log = new LogCapture();
        await using var app = WithSmtp(smtp, log);
        var approver = await PersonAsync(SenRoles.Approver);
        var title = Unique("Bài gửi khi máy chủ thư ngừng");
        var id = (await app.Services.CreateAsync(approver.Actor, await app.Services.FieldsAsync(title))).ArticleId!.Value;
        await app.Services.SubmitAsync(approver.Actor, id);
        Assert.Equal(NewsroomOutcome.Done, (await app.Services.PublishAsync(NewsroomSteps.Operator, id)).Outcome);

        await WaitUntilAsync(async () => (await NotificationsOfAsync(id)).Any(n => n.Kind == NotificationKind.Published && n.EmailAttempts > 0), log);
        var waiting = Assert.Single(await NotificationsOfAsync(id), n => n.Kind == NotificationKind.Published);
        Assert.Equal((approver.Account.Id, EmailState.Pending, 1), (waiting.UserId, waiting.EmailState, waiting.EmailAttempts));
        Assert.NotNull(waiting.EmailLastError);
        Assert.True(waiting.EmailNextAttemptAt > factory.Clock.GetUtcNow().UtcDateTime, "the retry waits");
        Assert.Equal(Sen.Web.Features.Articles.ArticleStatus.Published, (await app.Services.ArticleAsync(id)).Status);

        smtp.Start();
        var mail = await RetryUntilSentAsync(smtp, $"Bài đã xuất bản: {title}");
        Assert.Equal(approver.Account.Email, mail.To.Mailboxes.Single().Address);
        await WaitUntilAsync(async () => (await NotificationsOfAsync(id)).Single(n => n.Kind == NotificationKind.Published).EmailState == EmailState.Sent, log);
        Assert.True((await NotificationsOfAsync(id)).Single(n => n.Kind == NotificationKind.Published).EmailAttempts >= 2);
    }

    [Fact]
    public async Task The_list_shows_each_user_their_own_marks_read_with_antiforgery_and_refuses_anothers_notification()
    {
        factory.RequireProvider();
        var writer = await PersonAsync(SenRoles.Writer);
        var approver = await PersonAsync(SenRoles.Approver);
        var other = await PersonAsync(SenRoles.Approver);
        var title = Unique("Tăng cường công tác dân vận");
        var id = (await factory.Services.CreateAsync(writer.Actor, await factory.Services.FieldsAsync(title))).ArticleId!.Value;
        await factory.Services.SubmitAsync(writer.Actor, id);

        // No SMTP host here: in-app only, no e-mail waiting.
        var mine = Assert.Single(await NotificationsOfAsync(id), n => n.UserId == approver.Account.Id);
        var theirs = Assert.Single(await NotificationsOfAsync(id), n => n.UserId == other.Account.Id);
        Assert.Equal(EmailState.None, mine.EmailState);

        using var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(approver.Account.Email, TestAccounts.Password)).StatusCode);
        var page = await client.GetDocumentAsync(NotificationsPageModel.Path);
        var item = page.QuerySelectorAll(".notice-item").Single(li => li.QuerySelector("h2")!.Text() == $"Bài chờ duyệt: {title}");
        Assert.Contains("Chưa đọc", item.Text(), StringComparison.Ordinal);
        Assert.Equal($"/admin/bai-viet/{id}", item.QuerySelector("h2 a")!.GetAttribute("href"));
        var unread = await UnreadCountAsync(approver.Account.Id);
        Assert.Equal($"Thông báo ({unread} chưa đọc)", page.QuerySelector(".nav-notifications").Text());

        // The other approver was told of the same submission: their page holds their own row, never this one.
        using var otherClient = factory.NewsroomClient();
        await otherClient.SignInAsync(other.Account.Email, TestAccounts.Password);
        var actions = (await otherClient.GetDocumentAsync(NotificationsPageModel.Path)).QuerySelectorAll(".notice-item form").Select(f => f.GetAttribute("action") ?? "").ToList();
        Assert.Contains($"{NotificationsPageModel.Path}?id={theirs.Id}&handler=Read", actions);
        Assert.DoesNotContain($"{NotificationsPageModel.Path}?id={mine.Id}&handler=Read", actions);

        var readUrl = $"{NotificationsPageModel.Path}?handler=Read&id={mine.Id}";
        using (var forged = new FormUrlEncodedContent([]))
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsync(new Uri(readUrl, UriKind.Relative), forged, Ct)).StatusCode);
        }

        Assert.Null((await NotificationsOfAsync(id)).Single(n => n.Id == mine.Id).ReadAt);
        var notTheirs = await client.PostFormAsync(NotificationsPageModel.Path, [], $"{NotificationsPageModel.Path}?handler=Read&id={theirs.Id}");
        Assert.Equal(HttpStatusCode.NotFound, notTheirs.StatusCode);
        Assert.Null((await NotificationsOfAsync(id)).Single(n => n.Id == theirs.Id).ReadAt);

        var read = await client.PostFormAsync(NotificationsPageModel.Path, [], readUrl);
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        Assert.NotNull((await NotificationsOfAsync(id)).Single(n => n.Id == mine.Id).ReadAt);
        Assert.Equal(unread - 1, await UnreadCountAsync(approver.Account.Id));
        var audited = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .AnyAsync(e => e.Action == AuditActions.NotificationRead && e.UserId == approver.Account.Id && e.EntityId == mine.Id.ToString(CultureInfo.InvariantCulture), Ct));
        Assert.True(audited);

        var all = await client.PostFormAsync(NotificationsPageModel.Path, [], $"{NotificationsPageModel.Path}?handler=ReadAll");
        Assert.Equal(HttpStatusCode.OK, all.StatusCode);
        Assert.Equal(0, await UnreadCountAsync(approver.Account.Id));
        Assert.Equal(1, await UnreadCountAsync(other.Account.Id));
        var after = await client.GetDocumentAsync(NotificationsPageModel.Path);
        Assert.Equal("Thông báo", after.QuerySelector(".nav-notifications").Text());
        Assert.Empty(after.QuerySelectorAll(".notice-unread"));

        await client.GetDocumentAsync($"{NotificationsPageModel.Path}?trang=0", HttpStatusCode.BadRequest);
        await client.GetDocumentAsync($"{NotificationsPageModel.Path}?trang=999", HttpStatusCode.NotFound);
        using var anonymous = await factory.NewsroomClient().GetAsync(new Uri(NotificationsPageModel.Path, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
    }

    private WebApplicationFactory<Program> WithSmtp(SmtpListener smtp, LogCapture log) => factory.WithWebHostBuilder(b =>
    {
        b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(log));
        b.UseSetting("Smtp:Host", "127.0.0.1");
        b.UseSetting("Smtp:Port", smtp.Port.ToString(CultureInfo.InvariantCulture));
        b.UseSetting("Smtp:Security", "None");
        b.UseSetting("Smtp:FromAddress", "toasoan@example.vn");
        b.UseSetting("Smtp:FromName", "Tòa soạn");
        b.UseSetting("Smtp:PublicUrl", PublicUrl);
        b.UseSetting("Smtp:Timeout", "00:00:05");
    });

    /// <summary>Lets time pass on the fake clock until the retry is due and sent, or fails.</summary>
    private async Task<MimeKit.MimeMessage> RetryUntilSentAsync(SmtpListener smtp, string subject)
    {
        for (var i = 0; i < 40; i++)
        {
            factory.Clock.Advance(TimeSpan.FromSeconds(31));
            await Task.Delay(250, Ct);
            var found = smtp.Messages.Where(m => m.Subject?.Contains(subject, StringComparison.Ordinal) == true).ToList();
            if (found.Count > 0)
            {
                return Assert.Single(found);
            }
        }

        Assert.Fail($"no e-mail about \"{subject}\" after the server came back");
        return null!;
    }

    private async Task<(TestAccount Account, Actor Actor)> PersonAsync(string role)
    {
        var account = await factory.CreateAsync(role);
        return (account, new Actor(account.Id, account.Email, [role]));
    }

    private Task<ManageUser.Result> DisableAsync(int userId) => factory.InScopeAsync(async sp =>
    {
        sp.GetRequiredService<CurrentUser>().ActAs(NewsroomSteps.Operator);
        var result = await sp.GetRequiredService<ManageUser>().HandleAsync(new ManageUser.Command(userId, ManageUser.Change.Disable), Ct);
        Assert.True(result.Succeeded, result.Error);
        return result;
    });

    private Task<List<int>> EnabledReviewersAsync() => factory.InScopeAsync(sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var roles = db.Roles.Where(r => r.Name == SenRoles.Approver || r.Name == SenRoles.Admin).Select(r => r.Id);
        var ids = db.UserRoles.Where(ur => roles.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.Where(u => ids.Contains(u.Id) && !u.IsDisabled).Select(u => u.Id).Order().ToListAsync(Ct);
    });

    private Task<List<Notification>> NotificationsOfAsync(int articleId) => factory.InScopeAsync(sp =>
        sp.GetRequiredService<SenDbContext>().Notifications.AsNoTracking().Where(n => n.ArticleId == articleId).OrderBy(n => n.Id).ToListAsync(Ct));

    private Task<int> UnreadCountAsync(int userId) => factory.InScopeAsync(sp =>
        sp.GetRequiredService<SenDbContext>().Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, Ct));

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, LogCapture log)
    {
        var until = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < until, "timed out waiting for the outbox; the log: " + string.Join(" | ", log.Messages.Where(m => !m.Contains("Request", StringComparison.Ordinal)).TakeLast(40)));
            await Task.Delay(100, Ct);
        }
    }

    private static string Unique(string title) => $"{title} {Guid.NewGuid().ToString("N")[..6]}";
}

public sealed class SqliteNotificationTests(SqliteAppFactory factory) : NotificationTests<SqliteAppFactory>(factory);

public sealed class PostgresNotificationTests(PostgresAppFactory factory) : NotificationTests<PostgresAppFactory>(factory);
