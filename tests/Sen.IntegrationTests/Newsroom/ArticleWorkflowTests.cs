using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Audit;
using Sen.Web.Features.Newsroom;
using Sen.Web.Infrastructure.Data;
using static Sen.IntegrationTests.Newsroom.NewsroomActs;

namespace Sen.IntegrationTests.Newsroom;

/// <summary>Every workflow transition and who may take it, through the handlers, on a real database.</summary>
public abstract class ArticleWorkflowTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private IServiceProvider App => factory.Services;

    [Fact]
    public async Task A_writer_creates_a_draft_owned_by_them_as_revision_1_and_readers_never_see_it()
    {
        factory.RequireProvider();
        var created = await App.CreateAsync(Writer, await App.FieldsAsync("Bài nháp mới của biên tập viên"));
        Assert.Equal(NewsroomOutcome.Done, created.Outcome);
        Assert.Equal(1, created.Revision);

        var article = await App.ArticleAsync(created.ArticleId!.Value);
        Assert.Equal((ArticleStatus.Draft, ReviewState.Draft, Writer.UserId, 1, (int?)null), (article.Status, article.Review, article.OwnerId, article.LatestRevision, article.PublishedRevision));
        Assert.Equal("bai-nhap-moi-cua-bien-tap-vien", article.Slug);
        var client = factory.CreateClient();
        await client.GetDocumentAsync(ArticleUrls.Article("xay-dung-dang", article.Slug, article.Id), HttpStatusCode.NotFound);

        Assert.Equal(NewsroomOutcome.Forbidden, (await App.CreateAsync(Sen.Web.Features.Accounts.Actor.Anonymous, await App.FieldsAsync("Ẩn danh"))).Outcome);
        Assert.Equal("Newsroom.Title.Required", (await App.CreateAsync(Writer, await App.FieldsAsync("   "))).MessageKey);
        Assert.Equal("Newsroom.Category.NotFound", (await App.CreateAsync(Writer, (await App.FieldsAsync("Sai chuyên mục")) with { CategoryId = 999_999 })).MessageKey);
    }

    [Fact]
    public async Task Draft_submit_return_fix_resubmit_publish_with_every_permission_checked_and_audited()
    {
        factory.RequireProvider();
        var fields = await App.FieldsAsync("Hội nghị sơ kết công tác xây dựng Đảng");
        var id = (await App.CreateAsync(Writer, fields)).ArticleId!.Value;

        // Only the owner among writers edits; nobody but approvers returns or publishes.
        Assert.Equal("Workflow.NotOwner", (await App.SaveAsync(OtherWriter, id, 1, fields with { Lead = "Sửa trộm." })).MessageKey);
        Assert.Equal(2, (await App.SaveAsync(Writer, id, 1, fields with { Lead = "Sa-pô đã sửa." })).Revision);
        Assert.Equal("Workflow.NotOwner", (await App.SubmitAsync(OtherWriter, id)).MessageKey);
        Assert.Equal("Workflow.NotInThisState", (await App.ReturnAsync(Approver, id, "Chưa gửi.")).MessageKey);
        Assert.Equal(NewsroomOutcome.Done, (await App.SubmitAsync(Writer, id)).Outcome);
        Assert.Equal(ReviewState.Submitted, (await App.ArticleAsync(id)).Review);

        Assert.Equal("Workflow.RoleMissing", (await App.SaveAsync(Writer, id, 2, fields)).MessageKey);
        Assert.Equal("Workflow.RoleMissing", (await App.PublishAsync(Writer, id)).MessageKey);
        Assert.Equal("Workflow.RoleMissing", (await App.ReturnAsync(Writer, id, "Tự trả.")).MessageKey);
        Assert.Equal("Newsroom.Return.CommentRequired", (await App.ReturnAsync(Approver, id, "  ")).MessageKey);
        Assert.Equal(NewsroomOutcome.Done, (await App.ReturnAsync(Approver, id, "Bổ sung số liệu.")).Outcome);
        var returned = await App.ArticleAsync(id);
        Assert.Equal((ReviewState.Returned, "Bổ sung số liệu.", ArticleStatus.Draft), (returned.Review, returned.ReviewComment, returned.Status));

        Assert.Equal(3, (await App.SaveAsync(Writer, id, 2, fields with { BodyHtml = "<p>Nội dung có số liệu.</p>" })).Revision);
        Assert.Equal(NewsroomOutcome.Done, (await App.SubmitAsync(Writer, id)).Outcome);
        Assert.Equal(NewsroomOutcome.Done, (await App.PublishAsync(Approver, id)).Outcome);

        var published = await App.ArticleAsync(id);
        Assert.Equal((ArticleStatus.Published, ReviewState.None, 3, (int?)3, (string?)null), (published.Status, published.Review, published.LatestRevision, published.PublishedRevision, published.ReviewComment));
        Assert.Equal("<p>Nội dung có số liệu.</p>", published.BodyHtml);
        Assert.True(AboutNow(published.PublishedAt), $"Published at {published.PublishedAt:O}");
        var page = await factory.CreateClient().GetDocumentAsync(ArticleUrls.Article("xay-dung-dang", published.Slug, id));
        Assert.Equal("Hội nghị sơ kết công tác xây dựng Đảng", page.QuerySelector("h1")!.TextContent.Trim());

        // Taking it down: approvers only.
        Assert.Equal("Workflow.RoleMissing", (await App.UnpublishAsync(Writer, id)).MessageKey);
        Assert.Equal(NewsroomOutcome.Done, (await App.UnpublishAsync(Admin, id)).Outcome);
        Assert.Equal(ArticleStatus.Unpublished, (await App.ArticleAsync(id)).Status);

        var audit = await App.AsAsync(Writer, sp => sp.GetRequiredService<SenDbContext>().AuditEntries.AsNoTracking()
            .Where(e => e.EntityType == "Article" && e.EntityId == id.ToString(CultureInfo.InvariantCulture))
            .OrderBy(e => e.Id).Select(e => new { e.Action, e.UserId, e.Changes }).ToListAsync(Ct));
        Assert.Equal(
            new[]
            {
                AuditActions.ArticleCreated, AuditActions.ArticleSaved, AuditActions.ArticleSubmitted, AuditActions.ArticleReturned,
                AuditActions.ArticleSaved, AuditActions.ArticleSubmitted, AuditActions.ArticlePublished, AuditActions.ArticleUnpublished,
            },
            audit.Select(e => e.Action));
        Assert.Equal(new[] { Writer.UserId, Writer.UserId, Writer.UserId, Approver.UserId, Writer.UserId, Writer.UserId, Approver.UserId, Admin.UserId }, audit.Select(e => e.UserId));
        var returnedChanges = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(audit[3].Changes!)!;
        Assert.Equal(new[] { "Submitted", "Returned" }, returnedChanges["Review"]);
        Assert.Equal(new[] { null, "Bổ sung số liệu." }, returnedChanges["ReviewComment"]);
        var publishedChanges = JsonSerializer.Deserialize<Dictionary<string, string?[]>>(audit[6].Changes!)!;
        Assert.Equal(new[] { "Draft", "Published" }, publishedChanges["Status"]);
        Assert.Equal("Hội nghị sơ kết công tác xây dựng Đảng", JsonSerializer.Deserialize<Dictionary<string, string?[]>>(audit[0].Changes!)!["Title"][1]);
    }

    [Fact]
    public async Task Nobody_approves_their_own_submission_unless_self_approval_is_on()
    {
        factory.RequireProvider();
        var id = (await App.CreateAsync(Approver, await App.FieldsAsync("Bài người duyệt tự viết"))).ArticleId!.Value;
        Assert.Equal(NewsroomOutcome.Done, (await App.SubmitAsync(Approver, id)).Outcome);
        Assert.Equal("Workflow.SelfApproval", (await App.PublishAsync(Approver, id)).MessageKey);
        Assert.Equal(ArticleStatus.Draft, (await App.ArticleAsync(id)).Status);

        // An approver who submits a writer's article may not approve it either.
        var writers = (await App.CreateAsync(Writer, await App.FieldsAsync("Bài người duyệt gửi hộ"))).ArticleId!.Value;
        Assert.Equal(NewsroomOutcome.Done, (await App.SubmitAsync(OtherApprover, writers)).Outcome);
        Assert.Equal("Workflow.SelfApproval", (await App.PublishAsync(OtherApprover, writers)).MessageKey);
        Assert.Equal(NewsroomOutcome.Done, (await App.PublishAsync(Approver, writers)).Outcome);

        await using var allowing = factory.WithWebHostBuilder(b => b.UseSetting("Workflow:AllowSelfApproval", "true"));
        Assert.Equal(NewsroomOutcome.Done, (await allowing.Services.PublishAsync(Approver, id)).Outcome);
        Assert.Equal(ArticleStatus.Published, (await App.ArticleAsync(id)).Status);
    }

    [Fact]
    public async Task Of_two_saves_from_the_same_revision_the_second_gets_a_conflict_with_both_versions_and_nothing_is_lost()
    {
        factory.RequireProvider();
        var fields = await App.FieldsAsync("Bài hai người cùng sửa");
        var id = (await App.CreateAsync(Writer, fields)).ArticleId!.Value;
        var first = fields with { Title = "Bản sửa của biên tập viên" };
        var second = fields with { Title = "Bản sửa của người duyệt" };

        Assert.Equal(NewsroomOutcome.Done, (await App.SaveAsync(Writer, id, 1, first)).Outcome);
        var conflict = await App.SaveAsync(Approver, id, 1, second);

        Assert.Equal(NewsroomOutcome.Conflict, conflict.Outcome);
        Assert.Equal("Newsroom.Revision.Conflict", conflict.MessageKey);
        Assert.Equal((1, 2, Writer.Name), (conflict.Conflict!.BaseRevision, conflict.Conflict.LatestRevision, conflict.Conflict.LatestSavedByName));
        Assert.Equal("Bản sửa của biên tập viên", conflict.Conflict.Theirs.Title);
        Assert.Equal("Bản sửa của người duyệt", conflict.Conflict.Yours.Title);
        Assert.Equal(2, (await App.ArticleAsync(id)).LatestRevision);

        // Having seen both, the approver saves over the newest: kept as revision 3.
        Assert.Equal(3, (await App.SaveAsync(Approver, id, 2, second)).Revision);
    }

    [Fact]
    public async Task Of_two_saves_at_the_same_moment_exactly_one_is_kept_and_the_other_is_told_of_the_conflict()
    {
        factory.RequireProvider();
        var fields = await App.FieldsAsync("Bài hai người lưu cùng lúc");
        var id = (await App.CreateAsync(Writer, fields)).ArticleId!.Value;

        var results = await Task.WhenAll(
            App.SaveAsync(Writer, id, 1, fields with { Lead = "Bản của biên tập viên." }),
            App.SaveAsync(Approver, id, 1, fields with { Lead = "Bản của người duyệt." }));

        Assert.Equal(new[] { NewsroomOutcome.Done, NewsroomOutcome.Conflict }, results.Select(r => r.Outcome).Order());
        var lost = results.Single(r => r.Outcome == NewsroomOutcome.Conflict).Conflict!;
        var kept = results.Single(r => r.Outcome == NewsroomOutcome.Done);
        Assert.Equal(2, kept.Revision);
        Assert.NotEqual(lost.Yours.Lead, lost.Theirs.Lead);
        Assert.Equal(2, await App.AsAsync(Admin, sp => sp.GetRequiredService<SenDbContext>().ArticleRevisions.CountAsync(r => r.ArticleId == id, Ct)));
    }

    [Fact]
    public async Task Revisions_are_listed_compared_word_by_word_and_an_old_one_is_restored_as_a_new_revision()
    {
        factory.RequireProvider();
        var fields = await App.FieldsAsync("Đại hội Đảng bộ tỉnh");
        var id = (await App.CreateAsync(Writer, fields)).ArticleId!.Value;
        await App.SaveAsync(Writer, id, 1, fields with { Title = "Đại hội Đảng bộ huyện", BodyHtml = "<p>Nội dung thứ hai của bài.</p>" });

        var list = await App.AsAsync(Writer, sp => sp.GetRequiredService<ListRevisions>().HandleAsync(new ListRevisions.Query(id), Ct));
        Assert.NotNull(list);
        Assert.Equal(new[] { 2, 1 }, list.Select(r => r.Number));
        Assert.True(list[0].IsWorkingCopy);
        Assert.Equal(Writer.Name, list[0].SavedByName);

        var diff = await App.AsAsync(Writer, sp => sp.GetRequiredService<CompareRevisions>().HandleAsync(new CompareRevisions.Query(id, 1, 2), Ct));
        Assert.Contains(diff!.Title, r => r.Kind == CompareRevisions.RunKind.Deleted && r.Text.Trim() == "tỉnh");
        Assert.Contains(diff.Title, r => r.Kind == CompareRevisions.RunKind.Inserted && r.Text.Trim() == "huyện");
        Assert.Contains(diff.Text, r => r.Kind == CompareRevisions.RunKind.Inserted && r.Text.Trim() == "thứ hai");
        Assert.Contains(diff.Text, r => r.Kind == CompareRevisions.RunKind.Deleted && r.Text.Trim() == "đầu tiên");
        Assert.All(diff.Lead, r => Assert.Equal(CompareRevisions.RunKind.Unchanged, r.Kind));

        var restored = await App.AsAsync(Writer, sp => sp.GetRequiredService<RestoreRevision>().HandleAsync(new RestoreRevision.Command(id, 1, 2), Ct));
        Assert.Equal(3, restored.Revision);
        var newest = await App.AsAsync(Writer, sp => sp.GetRequiredService<SenDbContext>().ArticleRevisions.AsNoTracking().SingleAsync(r => r.ArticleId == id && r.Number == 3, Ct));
        Assert.Equal(("Đại hội Đảng bộ tỉnh", (int?)1, RevisionNotes.Restored), (newest.Title, newest.RestoredFrom, newest.Note));
        Assert.Null(await App.AsAsync(Sen.Web.Features.Accounts.Actor.Anonymous, sp => sp.GetRequiredService<ListRevisions>().HandleAsync(new ListRevisions.Query(id), Ct)));
    }

    [Fact]
    public async Task Deleting_bins_the_article_off_the_public_site_an_administrator_restores_it_taken_down_or_empties_the_bin()
    {
        factory.RequireProvider();
        var client = factory.CreateClient();
        var fields = await App.FieldsAsync("Bài sẽ vào thùng rác");
        var id = (await App.CreateAsync(Writer, fields)).ArticleId!.Value;
        await App.SubmitAsync(Writer, id);
        await App.PublishAsync(Approver, id);
        var url = ArticleUrls.Article("xay-dung-dang", (await App.ArticleAsync(id)).Slug, id);
        await client.GetDocumentAsync(url);

        Assert.Equal("Workflow.RoleMissing", (await App.DeleteAsync(Writer, id)).MessageKey);
        Assert.Equal(NewsroomOutcome.Done, (await App.DeleteAsync(Approver, id)).Outcome);
        var binned = await App.ArticleAsync(id);
        Assert.Equal(ArticleStatus.Unpublished, binned.Status);
        Assert.True(AboutNow(binned.DeletedAt), $"Binned at {binned.DeletedAt:O}");
        await client.GetDocumentAsync(url, HttpStatusCode.NotFound);
        Assert.Equal("Workflow.InBin", (await App.SaveAsync(Admin, id, 1, fields)).MessageKey);

        Assert.Equal("Workflow.RoleMissing", (await App.RestoreAsync(Approver, id)).MessageKey);
        Assert.Equal(NewsroomOutcome.Done, (await App.RestoreAsync(Admin, id)).Outcome);
        var restored = await App.ArticleAsync(id);
        Assert.Equal((ArticleStatus.Unpublished, (DateTime?)null), (restored.Status, restored.DeletedAt));
        await client.GetDocumentAsync(url, HttpStatusCode.NotFound);

        // A writer bins their own draft; only an administrator empties the bin, for good.
        var draft = (await App.CreateAsync(Writer, await App.FieldsAsync("Bản nháp bỏ đi"))).ArticleId!.Value;
        Assert.Equal("Workflow.NotOwner", (await App.DeleteAsync(OtherWriter, draft)).MessageKey);
        Assert.Equal(NewsroomOutcome.Done, (await App.DeleteAsync(Writer, draft)).Outcome);
        var refused = await App.AsAsync(Approver, sp => sp.GetRequiredService<EmptyBin>().HandleAsync(new EmptyBin.Command(), Ct));
        Assert.Equal(NewsroomOutcome.Forbidden, refused.Outcome.Outcome);
        var emptied = await App.AsAsync(Admin, sp => sp.GetRequiredService<EmptyBin>().HandleAsync(new EmptyBin.Command(), Ct));
        Assert.Equal(NewsroomOutcome.Done, emptied.Outcome.Outcome);
        Assert.True(emptied.Deleted >= 1);
        var left = await App.AsAsync(Admin, async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            return (await db.Articles.AnyAsync(a => a.Id == draft, Ct), await db.ArticleRevisions.AnyAsync(r => r.ArticleId == draft, Ct), await db.Articles.AnyAsync(a => a.Id == id, Ct),
                await db.AuditEntries.AnyAsync(e => e.Action == EmptyBin.AuditAction && e.EntityId == draft.ToString(CultureInfo.InvariantCulture), Ct));
        });
        Assert.Equal((false, false, true, true), left);
    }

    [Fact]
    public async Task Existing_articles_get_revision_1_from_their_published_fields_at_start()
    {
        factory.RequireProvider();
        var picked = await factory.PickAsync(5);
        var (article, revision) = await App.AsAsync(Admin, async sp =>
        {
            var db = sp.GetRequiredService<SenDbContext>();
            return (await db.Articles.AsNoTracking().SingleAsync(a => a.Id == picked.Id, Ct),
                await db.ArticleRevisions.AsNoTracking().SingleAsync(r => r.ArticleId == picked.Id, Ct));
        });
        Assert.Equal((1, (int?)1, ReviewState.None), (article.LatestRevision, article.PublishedRevision, article.Review));
        Assert.Equal((article.Title, article.BodyHtml, article.CategoryId, RevisionNotes.FromPublished), (revision.Title, revision.BodyHtml, revision.CategoryId, revision.Note));
    }

    // PostgreSQL keeps microseconds, the fake clock ticks.
    private bool AboutNow(DateTime? time) => time is { } t && (t - factory.Clock.GetUtcNow().UtcDateTime).Duration() < TimeSpan.FromMilliseconds(1);
}

public sealed class SqliteArticleWorkflowTests(SqliteAppFactory factory) : ArticleWorkflowTests<SqliteAppFactory>(factory);

public sealed class PostgresArticleWorkflowTests(PostgresAppFactory factory) : ArticleWorkflowTests<PostgresAppFactory>(factory);
