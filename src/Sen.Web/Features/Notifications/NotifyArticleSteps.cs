using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Newsroom;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Infrastructure.Http;
using Sen.Web.Text;

namespace Sen.Web.Features.Notifications;

/// <summary>
/// Writes a notification for each person concerned by a workflow step, in the step's own save (the outbox):
/// a submission tells every approver and administrator; a return tells the owner, with the comment; publishing,
/// scheduling, taking down, binning and restoring tell the owner and whoever submitted it. Never the actor,
/// never a disabled account.
/// </summary>
public sealed class NotifyArticleSteps(
    SenDbContext db, NotificationTexts texts, IOptionsMonitor<SmtpOptions> smtp, IHttpContextAccessor http, PublicBaseUrl publicBaseUrl, TimeProvider clock)
    : IArticleTransitionObserver
{
    public const string EditPathPrefix = "/admin/bai-viet/";

    public async Task OnTransitionAsync(ArticleTransition transition, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transition);
        var now = clock.GetUtcNow().UtcDateTime;
        var article = transition.Article;
        if (KindOf(transition, now) is not { } kind)
        {
            return;
        }

        var recipients = await RecipientsAsync(kind, transition, cancellationToken).ConfigureAwait(false);
        if (recipients.Count == 0)
        {
            return;
        }

        var actorName = await ActorNameAsync(transition.Actor, cancellationToken).ConfigureAwait(false);
        var detail = kind switch
        {
            NotificationKind.Returned => transition.Comment,
            NotificationKind.Scheduled => VietnamTime.Format(article.PublishedAt!.Value),
            _ => null,
        };
        var (title, summary) = texts.Compose(kind, article.Title, actorName, detail);
        var options = smtp.CurrentValue;
        var linkBase = LinkBase(options);
        foreach (var userId in recipients)
        {
            db.Add(new Notification
            {
                UserId = userId,
                SiteId = article.SiteId,
                ArticleId = article.Id,
                Kind = kind,
                Title = Truncate(title, Notification.TitleLength),
                Summary = Truncate(summary, Notification.SummaryLength),
                Link = EditPathPrefix + article.Id.ToString(CultureInfo.InvariantCulture),
                LinkBase = linkBase,
                CreatedAt = now,
                EmailState = options.IsOn ? EmailState.Pending : EmailState.None,
                EmailNextAttemptAt = options.IsOn ? now : null,
            });
        }
    }

    private static NotificationKind? KindOf(ArticleTransition transition, DateTime now) => transition.Action switch
    {
        WorkflowAction.Submit => NotificationKind.Submitted,
        WorkflowAction.Return => NotificationKind.Returned,
        WorkflowAction.Publish => transition.Article.PublishedAt > now ? NotificationKind.Scheduled : NotificationKind.Published,
        WorkflowAction.Unpublish => NotificationKind.Unpublished,
        WorkflowAction.Delete => NotificationKind.Deleted,
        WorkflowAction.Restore => NotificationKind.Restored,
        _ => null,
    };

    private async Task<List<int>> RecipientsAsync(NotificationKind kind, ArticleTransition transition, CancellationToken cancellationToken)
    {
        IQueryable<SenUser> users;
        if (kind == NotificationKind.Submitted)
        {
            var roleIds = db.Roles.Where(r => r.Name == SenRoles.Approver || r.Name == SenRoles.Admin).Select(r => r.Id);
            var reviewers = db.UserRoles.Where(ur => roleIds.Contains(ur.RoleId)).Select(ur => ur.UserId);
            users = db.Users.Where(u => reviewers.Contains(u.Id));
        }
        else
        {
            int?[] concerned = kind == NotificationKind.Returned
                ? [transition.Article.OwnerId]
                : [transition.Article.OwnerId, transition.SubmittedById];
            var ids = concerned.OfType<int>().Distinct().ToList();
            if (ids.Count == 0)
            {
                return [];
            }

            users = db.Users.Where(u => ids.Contains(u.Id));
        }

        var actorId = transition.Actor.UserId;
        return await users.Where(u => !u.IsDisabled && (actorId == null || u.Id != actorId))
            .OrderBy(u => u.Id).Select(u => u.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task<string> ActorNameAsync(Actor actor, CancellationToken cancellationToken)
    {
        if (actor.UserId is not int id)
        {
            return actor.Name;
        }

        var name = await db.Users.Where(u => u.Id == id).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return string.IsNullOrWhiteSpace(name) ? actor.Name : name;
    }

    private string LinkBase(SmtpOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.PublicUrl))
        {
            return options.PublicUrl.TrimEnd('/');
        }

        if (publicBaseUrl.Configured is { } configured)
        {
            return configured;
        }

        var request = http.HttpContext?.Request;
        return request is null || !request.Host.HasValue ? "" : publicBaseUrl.For(request);
    }

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..(length - 1)] + "…";
}
