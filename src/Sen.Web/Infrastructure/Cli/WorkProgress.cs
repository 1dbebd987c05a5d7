namespace Sen.Web.Infrastructure.Cli;

/// <summary>How far a long command has come: a stage, and its items done out of a total (0 when the total is not known).</summary>
public readonly record struct WorkProgress(string Stage, long Done, long Total);
