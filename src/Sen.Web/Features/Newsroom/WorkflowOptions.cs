namespace Sen.Web.Features.Newsroom;

public sealed class WorkflowOptions
{
    public const string Section = "Workflow";

    /// <summary>When true, whoever wrote or submitted a working copy may also approve it (small sites with one editor).</summary>
    public bool AllowSelfApproval { get; set; }
}
