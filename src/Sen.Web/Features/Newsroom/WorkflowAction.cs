namespace Sen.Web.Features.Newsroom;

/// <summary>What someone in the newsroom does to an article (docs/NEWSROOM.md, the workflow table in <see cref="ArticleWorkflow"/>).</summary>
public enum WorkflowAction
{
    Create,
    Save,
    Submit,
    Return,

    /// <summary>Approve the working copy: now, or scheduled with a future publication time.</summary>
    Publish,
    Unpublish,

    /// <summary>Move to the bin.</summary>
    Delete,

    /// <summary>Take out of the bin.</summary>
    Restore,

    /// <summary>Delete what is in the bin for good.</summary>
    EmptyBin,
}
