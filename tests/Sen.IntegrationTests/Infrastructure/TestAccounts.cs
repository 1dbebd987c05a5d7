using AngleSharp.Dom;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Accounts;

namespace Sen.IntegrationTests.Infrastructure;

/// <summary>Newsroom accounts for tests, made the way operators make them: an invitation, then its link.</summary>
public static class TestAccounts
{
    public const string Password = "MatKhauTot2026";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>A new account with <paramref name="role"/> and <see cref="Password"/>, invited by the command line's actor.</summary>
    public static async Task<TestAccount> CreateAsync(this SenAppFactory factory, string role)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.vn";
        var link = await factory.InviteAsync(email, role);
        var token = link[(link.LastIndexOf('/') + 1)..];
        var user = await factory.InScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<AcceptInvitation>().HandleAsync(new AcceptInvitation.Command(token, Setup: false, Password), Ct);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
            return result.User!;
        });
        return new TestAccount(user.Id, email, user.DisplayName);
    }

    /// <summary>Runs the handler behind `sen user add`; returns the invitation link.</summary>
    public static Task<string> InviteAsync(this SenAppFactory factory, string email, string role, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(factory);
        return factory.InScopeAsync(async sp =>
        {
            sp.GetRequiredService<CurrentUser>().ActAs(Actor.System("sen user add"));
            var result = await sp.GetRequiredService<InviteUser>().HandleAsync(new InviteUser.Command(email, role, name), Ct);
            Assert.True(result.Link is not null, string.Join("; ", result.Errors));
            return result.Link!;
        });
    }

    /// <summary>Posts the sign-in form (with its antiforgery token) and returns the response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(this HttpClient client, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(client);
        return await client.PostFormAsync("/admin/dang-nhap", new() { ["Email"] = email, ["Password"] = password });
    }

    /// <summary>GETs <paramref name="url"/>, then posts its first POST form's antiforgery token with <paramref name="fields"/>.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(this HttpClient client, string url, Dictionary<string, string> fields, string? postUrl = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(fields);
        var page = await client.GetDocumentAsync(url);
        fields["__RequestVerificationToken"] = AntiforgeryToken(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(postUrl ?? url, UriKind.Relative), content, Ct);
    }

    public static string AntiforgeryToken(IDocument page)
    {
        ArgumentNullException.ThrowIfNull(page);
        var input = page.QuerySelector("form[method=post] input[name=__RequestVerificationToken]");
        Assert.NotNull(input);
        return input.GetAttribute("value")!;
    }

    /// <summary>A client that shows redirects instead of following them, and keeps cookies.</summary>
    public static HttpClient NewsroomClient(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app)
    {
        ArgumentNullException.ThrowIfNull(app);
        return app.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = true });
    }
}

public sealed record TestAccount(int Id, string Email, string DisplayName);
