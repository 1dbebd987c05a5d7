namespace Sen.Web.Features.Accounts;

/// <summary>The newsroom's three roles (docs/NEWSROOM.md). Names are stored; the UI shows them through strings.tsv (Role.*).</summary>
public static class SenRoles
{
    /// <summary>Quản trị viên: everything, users, settings, audit log, the bin.</summary>
    public const string Admin = "Admin";

    /// <summary>Người duyệt bài: reviews, returns, publishes, schedules and unpublishes.</summary>
    public const string Approver = "Approver";

    /// <summary>Biên tập viên: writes and submits.</summary>
    public const string Writer = "Writer";

    public static readonly IReadOnlyList<string> All = [Admin, Approver, Writer];
}
