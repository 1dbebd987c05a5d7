using Sen.Web.Features.Accounts;
using Sen.Web.Features.Articles;
using Sen.Web.Features.Newsroom;

namespace Sen.Tests.Newsroom;

/// <summary>Walks the workflow table: every state an article can be in, every action, every kind of user.</summary>
public sealed class ArticleWorkflowTests
{
    private const int WriterId = 1;
    private const int OtherWriterId = 2;
    private const int ApproverId = 3;
    private const int AdminId = 4;

    private static readonly Actor Writer = new(WriterId, "bientap", [SenRoles.Writer]);
    private static readonly Actor OtherWriter = new(OtherWriterId, "bientap2", [SenRoles.Writer]);
    private static readonly Actor Approver = new(ApproverId, "duyet", [SenRoles.Approver]);
    private static readonly Actor Admin = new(AdminId, "quantri", [SenRoles.Admin]);

    private static WorkflowSubject Owned(ReviewState review, ArticleStatus status = ArticleStatus.Draft, bool inBin = false, int? submittedBy = null) =>
        new(status, review, inBin, WriterId, submittedBy);

    [Fact]
    public void Anyone_in_the_newsroom_creates_and_nobody_else()
    {
        Assert.True(ArticleWorkflow.Can(Writer, null, WorkflowAction.Create).Allowed);
        Assert.True(ArticleWorkflow.Can(Approver, null, WorkflowAction.Create).Allowed);
        Assert.True(ArticleWorkflow.Can(Admin, null, WorkflowAction.Create).Allowed);
        Assert.Equal("Workflow.NotInNewsroom", ArticleWorkflow.Can(Actor.Anonymous, null, WorkflowAction.Create).ReasonKey);
        Assert.Equal(ReviewState.Draft, ArticleWorkflow.Can(Writer, null, WorkflowAction.Create).Transition!.ToReview);
    }

    [Theory]
    [InlineData(ReviewState.Draft, ArticleStatus.Draft)]
    [InlineData(ReviewState.Returned, ArticleStatus.Draft)]
    [InlineData(ReviewState.Draft, ArticleStatus.Published)]
    [InlineData(ReviewState.Returned, ArticleStatus.Unpublished)]
    public void Writers_save_and_submit_only_their_own_drafts_and_returned_articles(ReviewState review, ArticleStatus status)
    {
        var subject = Owned(review, status);
        Assert.True(ArticleWorkflow.Can(Writer, subject, WorkflowAction.Save).Allowed);
        Assert.Equal(ReviewState.Submitted, ArticleWorkflow.Can(Writer, subject, WorkflowAction.Submit).Transition!.ToReview);
        Assert.Equal("Workflow.NotOwner", ArticleWorkflow.Can(OtherWriter, subject, WorkflowAction.Save).ReasonKey);
        Assert.Equal("Workflow.NotOwner", ArticleWorkflow.Can(OtherWriter, subject, WorkflowAction.Submit).ReasonKey);
        Assert.True(ArticleWorkflow.Can(Approver, subject, WorkflowAction.Save).Allowed);
        Assert.True(ArticleWorkflow.Can(Admin, subject, WorkflowAction.Submit).Allowed);
    }

    [Fact]
    public void Writers_do_not_edit_a_submission_or_a_published_copy_even_their_own()
    {
        Assert.Equal("Workflow.RoleMissing", ArticleWorkflow.Can(Writer, Owned(ReviewState.Submitted), WorkflowAction.Save).ReasonKey);
        Assert.Equal("Workflow.RoleMissing", ArticleWorkflow.Can(Writer, Owned(ReviewState.None, ArticleStatus.Published), WorkflowAction.Save).ReasonKey);
        Assert.True(ArticleWorkflow.Can(Approver, Owned(ReviewState.Submitted), WorkflowAction.Save).Allowed);
    }

    [Fact]
    public void Editing_a_published_article_starts_a_draft_over_it_and_leaves_it_published()
    {
        var transition = ArticleWorkflow.Can(Approver, Owned(ReviewState.None, ArticleStatus.Published), WorkflowAction.Save).Transition!;
        Assert.Equal(ReviewState.Draft, transition.ToReview);
        Assert.Null(transition.ToStatus);
    }

    [Fact]
    public void Only_approvers_and_administrators_return_publish_and_unpublish()
    {
        var submitted = Owned(ReviewState.Submitted, submittedBy: WriterId);
        var published = Owned(ReviewState.None, ArticleStatus.Published);
        foreach (var writer in new[] { Writer, OtherWriter })
        {
            Assert.Equal("Workflow.RoleMissing", ArticleWorkflow.Can(writer, submitted, WorkflowAction.Return).ReasonKey);
            Assert.Equal("Workflow.RoleMissing", ArticleWorkflow.Can(writer, submitted, WorkflowAction.Publish).ReasonKey);
            Assert.Equal("Workflow.RoleMissing", ArticleWorkflow.Can(writer, published, WorkflowAction.Unpublish).ReasonKey);
        }

        foreach (var approver in new[] { Approver, Admin })
        {
            Assert.Equal(ReviewState.Returned, ArticleWorkflow.Can(approver, submitted, WorkflowAction.Return).Transition!.ToReview);
            var publish = ArticleWorkflow.Can(approver, submitted, WorkflowAction.Publish).Transition!;
            Assert.Equal((ReviewState.None, ArticleStatus.Published), (publish.ToReview!.Value, publish.ToStatus!.Value));
            Assert.Equal(ArticleStatus.Unpublished, ArticleWorkflow.Can(approver, published, WorkflowAction.Unpublish).Transition!.ToStatus);
        }
    }

    [Fact]
    public void Nobody_approves_their_own_submission_unless_the_site_allows_it()
    {
        var approversOwn = new WorkflowSubject(ArticleStatus.Draft, ReviewState.Submitted, false, ApproverId, ApproverId);
        var submittedByApprover = new WorkflowSubject(ArticleStatus.Draft, ReviewState.Submitted, false, WriterId, ApproverId);
        Assert.Equal("Workflow.SelfApproval", ArticleWorkflow.Can(Approver, approversOwn, WorkflowAction.Publish).ReasonKey);
        Assert.Equal("Workflow.SelfApproval", ArticleWorkflow.Can(Approver, submittedByApprover, WorkflowAction.Publish).ReasonKey);
        Assert.True(ArticleWorkflow.Can(Admin, approversOwn, WorkflowAction.Publish).Allowed);
        Assert.True(ArticleWorkflow.Can(Approver, approversOwn, WorkflowAction.Publish, allowSelfApproval: true).Allowed);

        // Publishing the approved copy again after taking it down approves nothing new.
        var takenDown = new WorkflowSubject(ArticleStatus.Unpublished, ReviewState.None, false, ApproverId, null);
        Assert.True(ArticleWorkflow.Can(Approver, takenDown, WorkflowAction.Publish).Allowed);
    }

    [Fact]
    public void Actions_that_do_not_fit_the_state_are_refused_whoever_asks()
    {
        Assert.Equal("Workflow.NotInThisState", ArticleWorkflow.Can(Admin, Owned(ReviewState.Draft), WorkflowAction.Return).ReasonKey);
        Assert.Equal("Workflow.NotInThisState", ArticleWorkflow.Can(Admin, Owned(ReviewState.Submitted), WorkflowAction.Submit).ReasonKey);
        Assert.Equal("Workflow.NotInThisState", ArticleWorkflow.Can(Admin, Owned(ReviewState.Draft), WorkflowAction.Unpublish).ReasonKey);
        Assert.Equal("Workflow.NotInThisState", ArticleWorkflow.Can(Admin, Owned(ReviewState.Draft), WorkflowAction.Restore).ReasonKey);
        Assert.Equal("Workflow.InBin", ArticleWorkflow.Can(Admin, Owned(ReviewState.Draft, inBin: true), WorkflowAction.Save).ReasonKey);
    }

    [Fact]
    public void Writers_bin_only_their_own_never_published_articles_and_only_administrators_restore()
    {
        Assert.True(ArticleWorkflow.Can(Writer, Owned(ReviewState.Draft), WorkflowAction.Delete).Allowed);
        Assert.Equal("Workflow.NotOwner", ArticleWorkflow.Can(OtherWriter, Owned(ReviewState.Draft), WorkflowAction.Delete).ReasonKey);
        Assert.Equal("Workflow.RoleMissing", ArticleWorkflow.Can(Writer, Owned(ReviewState.None, ArticleStatus.Published), WorkflowAction.Delete).ReasonKey);
        Assert.Equal(ArticleStatus.Unpublished, ArticleWorkflow.Can(Approver, Owned(ReviewState.None, ArticleStatus.Published), WorkflowAction.Delete).Transition!.ToStatus);

        var binned = Owned(ReviewState.Draft, inBin: true);
        Assert.Equal("Workflow.RoleMissing", ArticleWorkflow.Can(Writer, binned, WorkflowAction.Restore).ReasonKey);
        Assert.Equal("Workflow.RoleMissing", ArticleWorkflow.Can(Approver, binned, WorkflowAction.Restore).ReasonKey);
        Assert.True(ArticleWorkflow.Can(Admin, binned, WorkflowAction.Restore).Allowed);
        Assert.Equal("Workflow.RoleMissing", ArticleWorkflow.Can(Approver, null, WorkflowAction.EmptyBin).ReasonKey);
        Assert.True(ArticleWorkflow.Can(Admin, null, WorkflowAction.EmptyBin).Allowed);
    }

    [Fact]
    public void Every_action_on_an_article_has_exactly_one_row_for_every_state_it_applies_to()
    {
        var subjects =
            from review in Enum.GetValues<ReviewState>()
            from status in Enum.GetValues<ArticleStatus>()
            from inBin in new[] { false, true }
            select new WorkflowSubject(status, review, inBin, WriterId, null);
        foreach (var subject in subjects)
        {
            foreach (var action in Enum.GetValues<WorkflowAction>().Except([WorkflowAction.Create, WorkflowAction.EmptyBin]))
            {
                Assert.True(ArticleWorkflow.Transitions.Count(t => t.Action == action && t.Matches(subject)) <= 1, $"{action} on {subject}");
            }
        }
    }

    // ArticleQueries.Published does not test DeletedAt (to stay inside the listing index): that is only
    // right while nothing in the bin can be Published.
    [Fact]
    public void Nothing_in_the_bin_is_ever_published()
    {
        Assert.All(
            ArticleWorkflow.Transitions.Where(t => t.Action == WorkflowAction.Delete),
            t => Assert.True(t.ToStatus is ArticleStatus.Unpublished || (t.ToStatus is null && !t.FromStatus.Contains(ArticleStatus.Published)), $"{t}"));
        Assert.All(ArticleWorkflow.Transitions.Where(t => t.InBin), t => Assert.NotEqual(ArticleStatus.Published, t.ToStatus));
    }
}
