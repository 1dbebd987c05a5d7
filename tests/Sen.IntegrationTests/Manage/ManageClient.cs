using Sen.IntegrationTests.Accounts;
using Sen.Web.Features.Accounts;

namespace Sen.IntegrationTests.Manage;

/// <summary>A signed-in newsroom client that posts the admin pages' forms as a browser would (with the antiforgery token).</summary>
public static class ManageClient
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static async Task<HttpClient> SignedInAsync(this SenAppFactory factory, string role = SenRoles.Admin)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var account = await factory.CreateAsync(role);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(account.Email, TestAccounts.Password)).StatusCode);
        return client;
    }

    /// <summary>A client of <paramref name="app"/> (a variant of <paramref name="factory"/> on the same database) signed in as a new administrator.</summary>
    public static async Task<HttpClient> SignedInAsync(this Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> app, SenAppFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var account = await factory.CreateAsync(SenRoles.Admin);
        var client = app.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(account.Email, TestAccounts.Password)).StatusCode);
        return client;
    }

    /// <summary>Posts <paramref name="fields"/> to <paramref name="postUrl"/> with a token from the dashboard (any page's token is valid).</summary>
    public static Task<HttpResponseMessage> SubmitAsync(this HttpClient client, string postUrl, Dictionary<string, string> fields) =>
        client.PostFormAsync("/admin", fields, postUrl);

    /// <summary>Posts without any antiforgery token.</summary>
    public static async Task<HttpResponseMessage> PostWithoutTokenAsync(this HttpClient client, string postUrl, Dictionary<string, string> fields)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(postUrl, UriKind.Relative), content, Ct);
    }

    /// <summary>The messages of the page's error box.</summary>
    public static async Task<List<string>> ErrorsAsync(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        var page = Html.Parse(await response.Content.ReadAsStringAsync(Ct));
        return [.. page.QuerySelectorAll(".admin-error li").Select(li => li.Text())];
    }

    /// <summary>Where a redirect points (path and query).</summary>
    public static string Location(this HttpResponseMessage response)
    {
        ArgumentNullException.ThrowIfNull(response);
        Assert.NotNull(response.Headers.Location);
        return response.Headers.Location.PathAndQuery();
    }
}
