namespace Sen.Web.Infrastructure.Data;

/// <summary>What a handler that changes one row reports: expected outcomes, not exceptions (STYLE.md).</summary>
public enum SaveResult
{
    Saved,
    NotFound,

    /// <summary>Someone else saved the row first (its version moved on).</summary>
    Conflict,
}
