using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>A user's own display name and password. Each change is audited in the save that makes it.</summary>
public sealed class OwnProfile(SenDbContext db, SenUserManager users, AuditLog audit, IStringLocalizer<SharedResource> text)
{
    public const int MaxNameLength = 200;

    /// <summary>The errors that kept the change from being made; empty when it was.</summary>
    public async Task<IReadOnlyList<string>> RenameAsync(SenUser user, string? displayName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var name = (displayName ?? "").Trim();
        if (name.Length == 0)
        {
            return [text["Account.Error.NameRequired"]];
        }

        user.DisplayName = name[..Math.Min(name.Length, MaxNameLength)];
        audit.Record(AuditActions.ProfileChanged, "User", Id(user), user.Email ?? "", db.Entry(user));
        var updated = await users.UpdateAsync(user).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        return [.. updated.Errors.Select(e => e.Description)];
    }

    /// <summary>Checks the current password and the rules first, so a refused change leaves no audit entry behind.</summary>
    public async Task<IReadOnlyList<string>> ChangePasswordAsync(SenUser user, string? current, string? password, string? confirm, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (!await users.CheckPasswordAsync(user, current ?? "").ConfigureAwait(false))
        {
            return [text["Account.Error.PasswordMismatch"]];
        }

        if (password != confirm)
        {
            return [text["Account.Error.PasswordsDiffer"]];
        }

        var errors = new List<string>();
        foreach (var validator in users.PasswordValidators)
        {
            errors.AddRange((await validator.ValidateAsync(users, user, password ?? "").ConfigureAwait(false)).Errors.Select(e => e.Description));
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var entry = audit.Record(AuditActions.PasswordChanged, "User", Id(user), user.Email ?? "");

            // Changes the security stamp too: the user's other sessions end within a minute.
            var changed = await users.ChangePasswordAsync(user, current ?? "", password!).ConfigureAwait(false);
            if (!changed.Succeeded)
            {
                db.Entry(entry).State = EntityState.Detached;
                return [.. changed.Errors.Select(e => e.Description)];
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return [];
        }
    }

    private static string Id(SenUser user) => user.Id.ToString(CultureInfo.InvariantCulture);
}
