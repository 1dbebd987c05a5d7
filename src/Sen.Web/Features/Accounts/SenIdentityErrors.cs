using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Sen.Web.Features.Accounts;

/// <summary>Identity's refusals (weak password, taken e-mail) in the UI language, from strings.tsv.</summary>
public sealed class SenIdentityErrors(IStringLocalizer<SharedResource> text) : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => Error(nameof(DefaultError), "Account.Error.Default");

    public override IdentityError PasswordMismatch() => Error(nameof(PasswordMismatch), "Account.Error.PasswordMismatch");

    public override IdentityError PasswordTooShort(int length) => Error(nameof(PasswordTooShort), "Account.Error.PasswordTooShort", length);

    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => Error(nameof(PasswordRequiresUniqueChars), "Account.Error.PasswordUniqueChars", uniqueChars);

    public override IdentityError PasswordRequiresDigit() => Error(nameof(PasswordRequiresDigit), "Account.Error.PasswordDigit");

    public override IdentityError PasswordRequiresLower() => Error(nameof(PasswordRequiresLower), "Account.Error.PasswordLower");

    public override IdentityError PasswordRequiresUpper() => Error(nameof(PasswordRequiresUpper), "Account.Error.PasswordUpper");

    public override IdentityError PasswordRequiresNonAlphanumeric() => Error(nameof(PasswordRequiresNonAlphanumeric), "Account.Error.PasswordSymbol");

    public override IdentityError DuplicateEmail(string email) => Error(nameof(DuplicateEmail), "Account.Error.EmailTaken", email);

    public override IdentityError DuplicateUserName(string userName) => Error(nameof(DuplicateUserName), "Account.Error.EmailTaken", userName);

    public override IdentityError InvalidEmail(string? email) => Error(nameof(InvalidEmail), "Account.Error.InvalidEmail", email ?? "");

    public override IdentityError InvalidUserName(string? userName) => Error(nameof(InvalidUserName), "Account.Error.InvalidEmail", userName ?? "");

    private IdentityError Error(string code, string key, params object[] arguments) => new()
    {
        Code = code,
        Description = string.Format(CultureInfo.CurrentCulture, text[key].Value, arguments),
    };
}
