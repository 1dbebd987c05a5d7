using Microsoft.Extensions.Localization;

namespace Sen.Web.Features.Admin;

/// <summary>
/// What a newsroom page says after a change it redirected from (?done=saved): a fixed set of words, so
/// the query string can never put text of its own on the page.
/// </summary>
public static class AdminNotices
{
    public const string Created = "created";
    public const string Saved = "saved";
    public const string Moved = "moved";
    public const string Deleted = "deleted";

    public static string? For(string? done, IStringLocalizer text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var key = done switch
        {
            Created => "Admin.Notice.Created",
            Saved => "Admin.Notice.Saved",
            Moved => "Admin.Notice.Moved",
            Deleted => "Admin.Notice.Deleted",
            _ => null,
        };
        return key is null ? null : text[key].Value;
    }
}
