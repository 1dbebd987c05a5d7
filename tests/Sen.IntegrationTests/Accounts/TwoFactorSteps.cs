using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;

namespace Sen.IntegrationTests.Accounts;

/// <summary>Two-factor sign-in steps for tests: the authenticator turned on through the real handler, the second step posted.</summary>
public static class TwoFactorSteps
{
    /// <summary>Turns the authenticator on for <paramref name="account"/>; returns its key and the ten recovery codes.</summary>
    public static Task<(string Key, IReadOnlyList<string> Codes)> TurnOnAuthenticatorAsync(this SenAppFactory factory, TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(factory);
        ArgumentNullException.ThrowIfNull(account);
        return factory.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(new Actor(account.Id, account.Email, [SenRoles.Writer]));
            var users = sp.GetRequiredService<SenUserManager>();
            var user = (await users.FindByIdAsync(account.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)))!;
            var setup = sp.GetRequiredService<TwoFactorSetup>();
            var key = await setup.KeyAsync(user);
            var result = await setup.EnableAsync(user, Totp.Code(key, factory.Clock.GetUtcNow()), TestContext.Current.CancellationToken);
            Assert.True(result.Succeeded, result.Error);
            return (key, result.Codes);
        });
    }

    /// <summary>Posts the second step's authenticator form.</summary>
    public static Task<HttpResponseMessage> SecondStepAsync(this HttpClient client, string code, bool rememberBrowser = false)
    {
        var fields = new Dictionary<string, string> { ["Code"] = code };
        if (rememberBrowser)
        {
            fields["RememberBrowser"] = "true";
        }

        return client.PostFormAsync("/admin/dang-nhap/hai-buoc", fields);
    }

    public static Task<HttpResponseMessage> RecoveryStepAsync(this HttpClient client, string recoveryCode) =>
        client.PostFormAsync("/admin/dang-nhap/hai-buoc?khoi-phuc=true", new() { ["RecoveryCode"] = recoveryCode }, "/admin/dang-nhap/hai-buoc?handler=Recovery");
}
