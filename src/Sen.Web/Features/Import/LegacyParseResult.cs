namespace Sen.Web.Features.Import;

/// <summary>Page is null whenever there are errors, so a half-read page is never imported by mistake.</summary>
public sealed record LegacyParseResult(LegacyPage? Page, IReadOnlyList<LegacyParseError> Errors)
{
    public bool Succeeded => Page is not null && Errors.Count == 0;
}

/// <summary>Line is 1-based; a line one past the end means the input ended where something was expected.</summary>
public sealed record LegacyParseError(int Line, string Message);
