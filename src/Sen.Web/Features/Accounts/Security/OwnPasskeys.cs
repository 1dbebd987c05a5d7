using System.Buffers.Text;
using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Sen.Web.Features.Audit;
using Sen.Web.Infrastructure.Data;

namespace Sen.Web.Features.Accounts;

/// <summary>A user's own passkeys (Identity's WebAuthn): listed, added with a name after the browser made one, removed. Each change is audited.</summary>
public sealed class OwnPasskeys(
    SenDbContext db,
    SenUserManager users,
    SenSignInManager signIn,
    AuditLog audit,
    IHttpContextAccessor http,
    ILogger<OwnPasskeys> logger,
    IStringLocalizer<SharedResource> text)
{
    public const int MaxNameLength = 100;
    public const int MaxPasskeys = 20;

    /// <summary>Id: the credential id, base64url, as forms name it.</summary>
    public sealed record Passkey(string Id, string Name, DateTimeOffset CreatedAt);

    public async Task<IReadOnlyList<Passkey>> ListAsync(SenUser user) =>
        [.. (await users.GetPasskeysAsync(user).ConfigureAwait(false))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new Passkey(Base64Url.EncodeToString(p.CredentialId), string.IsNullOrWhiteSpace(p.Name) ? text["Passkey.Unnamed"] : p.Name, p.CreatedAt))];

    /// <summary>The creation options for navigator.credentials.create; Identity keeps the challenge in its cookie.</summary>
    public async Task<string> CreationOptionsAsync(SenUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var entity = new PasskeyUserEntity
        {
            Id = user.Id.ToString(CultureInfo.InvariantCulture),
            Name = user.Email ?? user.UserName ?? "",
            DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName,
        };
        return await signIn.MakePasskeyCreationOptionsAsync(entity).ConfigureAwait(false);
    }

    /// <summary>Verifies the browser's new credential and stores it under <paramref name="name"/>; null on success, else why not.</summary>
    public async Task<string?> AddAsync(SenUser user, string? credentialJson, string? name, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        var context = http.HttpContext ?? throw new InvalidOperationException("Adding a passkey needs a request.");
        if (!PasskeyCeremony.IsCredentialJson(credentialJson) || !await PasskeyCeremony.IsUnderwayAsync(context, PasskeyCeremony.Attestation).ConfigureAwait(false))
        {
            return text["Passkey.Error.NotCreated"];
        }

        if ((await users.GetPasskeysAsync(user).ConfigureAwait(false)).Count >= MaxPasskeys)
        {
            return text["Passkey.Error.TooMany", MaxPasskeys];
        }

        var attestation = await signIn.PerformPasskeyAttestationAsync(credentialJson!).ConfigureAwait(false);
        if (!attestation.Succeeded || attestation.UserEntity.Id != user.Id.ToString(CultureInfo.InvariantCulture))
        {
            logger.LogInformation("A passkey was refused: {Reason}", attestation.Failure?.Message);
            return text["Passkey.Error.NotCreated"];
        }

        var trimmed = (name ?? "").Trim();
        var passkey = attestation.Passkey;
        passkey.Name = trimmed.Length == 0 ? text["Passkey.DefaultName"] : trimmed[..Math.Min(trimmed.Length, MaxNameLength)];
        return await ChangeAsync(user, AuditActions.PasskeyAdded, passkey.Name, () => users.AddOrUpdatePasskeyAsync(user, passkey), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Removes the passkey with <paramref name="id"/>; false when the user has none by that id.</summary>
    public async Task<bool> RemoveAsync(SenUser user, string? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (string.IsNullOrEmpty(id) || id.Length > 1400 || !Base64Url.IsValid(id))
        {
            return false;
        }

        var credentialId = Base64Url.DecodeFromChars(id);
        var passkey = await users.GetPasskeyAsync(user, credentialId).ConfigureAwait(false);
        if (passkey is null)
        {
            return false;
        }

        return await ChangeAsync(user, AuditActions.PasskeyRemoved, passkey.Name ?? "", () => users.RemovePasskeyAsync(user, credentialId), cancellationToken).ConfigureAwait(false) is null;
    }

    private async Task<string?> ChangeAsync(SenUser user, string action, string name, Func<Task<IdentityResult>> change, CancellationToken cancellationToken)
    {
        var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using (transaction.ConfigureAwait(false))
        {
            var entry = audit.Record(action, "User", user.Id.ToString(CultureInfo.InvariantCulture), $"{user.Email}: {name}");
            var result = await change().ConfigureAwait(false);
            if (!result.Succeeded)
            {
                db.Entry(entry).State = Microsoft.EntityFrameworkCore.EntityState.Detached;
                return result.Errors.FirstOrDefault()?.Description ?? text["Account.Error.Default"];
            }

            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return null;
        }
    }
}
