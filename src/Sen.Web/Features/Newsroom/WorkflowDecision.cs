namespace Sen.Web.Features.Newsroom;

/// <summary>Whether an action is allowed; when not, why (a strings.tsv key); when it is, the transition it takes.</summary>
public sealed record WorkflowDecision(bool Allowed, string? ReasonKey, WorkflowTransition? Transition)
{
    public static WorkflowDecision Deny(string reasonKey) => new(false, reasonKey, null);

    public static WorkflowDecision Allow(WorkflowTransition transition) => new(true, null, transition);
}
