using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.IntegrationTests.Accounts;
using Sen.Web.Features.Accounts;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Security;

/// <summary>
/// The endpoint × role × antiforgery matrix: every endpoint of the app is in <see cref="EndpointMatrix"/>
/// (a new one that is not fails here), anonymous callers are sent to sign in (pages) or get 401 (API),
/// a writer is refused what is for approvers and administrators, and every state-changing request without
/// an antiforgery token is refused with 400. None of the refused requests changes anything.
/// </summary>
public abstract class EndpointMatrixTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string ApiPrefix = "admin/api/";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_endpoint_is_in_the_matrix_and_every_row_is_an_endpoint()
    {
        factory.RequireProvider();
        var actual = await EndpointInventory.ListAsync(factory.Services);
        var listed = EndpointMatrix.Rows.Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var missing = actual.Where(k => !listed.Contains(k)).ToList();
        var stale = listed.Where(k => !actual.Contains(k)).ToList();
        Assert.True(missing.Count == 0 && stale.Count == 0,
            $"Endpoints without a row in EndpointMatrix:\n  {string.Join("\n  ", missing)}\nRows without an endpoint:\n  {string.Join("\n  ", stale)}");
    }

    [Fact]
    public async Task Anonymous_callers_are_sent_to_sign_in_or_get_401_and_change_nothing()
    {
        factory.RequireProvider();
        var urls = await UrlsAsync();
        var before = await AuditCountAsync();
        var client = factory.NewsroomClient();
        var failures = new List<string>();
        foreach (var row in EndpointMatrix.Rows.Where(r => r.Access != Access.Anonymous))
        {
            using var response = await SendAsync(client, row, urls, token: null);
            var api = row.Route.StartsWith(ApiPrefix, StringComparison.Ordinal);
            var signIn = response.StatusCode == HttpStatusCode.Redirect
                && response.Headers.Location!.PathAndQuery().StartsWith("/admin/dang-nhap?ReturnUrl=", StringComparison.Ordinal);
            if (api ? response.StatusCode != HttpStatusCode.Unauthorized : !signIn)
            {
                failures.Add($"{row.Key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, "Anonymous callers were not refused:\n" + string.Join("\n", failures));
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task A_writer_is_refused_with_403_what_is_for_approvers_and_administrators_and_changes_nothing()
    {
        factory.RequireProvider();
        var urls = await UrlsAsync();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(writer.Email, TestAccounts.Password)).StatusCode);
        var token = TestAccounts.AntiforgeryToken(await client.GetDocumentAsync("/admin"));
        var before = await AuditCountAsync();
        var failures = new List<string>();
        foreach (var row in EndpointMatrix.Rows.Where(r => r.Access is Access.Approver or Access.Admin))
        {
            using var response = await SendAsync(client, row, urls, token);
            var denied = response.StatusCode == HttpStatusCode.Forbidden
                || (response.StatusCode == HttpStatusCode.Redirect
                    && response.Headers.Location!.PathAndQuery().StartsWith("/admin/khong-du-quyen", StringComparison.Ordinal));
            if (!denied)
            {
                failures.Add($"{row.Key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, "A writer was not refused:\n" + string.Join("\n", failures));
        Assert.Equal(before, await AuditCountAsync());
    }

    [Fact]
    public async Task Every_state_changing_request_without_an_antiforgery_token_is_400_and_changes_nothing()
    {
        factory.RequireProvider();
        var urls = await UrlsAsync();
        var admin = await factory.CreateAsync(SenRoles.Admin);
        var signedIn = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await signedIn.SignInAsync(admin.Email, TestAccounts.Password)).StatusCode);
        var anonymous = factory.NewsroomClient();
        var before = await AuditCountAsync();
        var failures = new List<string>();
        foreach (var row in EndpointMatrix.Rows.Where(r => r.ChangesState && r.Method != "*"))
        {
            using var response = await SendAsync(row.Access == Access.Anonymous ? anonymous : signedIn, row, urls, token: null);
            if (response.StatusCode != (row.JsonOnly ? HttpStatusCode.UnsupportedMediaType : HttpStatusCode.BadRequest))
            {
                failures.Add($"{row.Key}: {(int)response.StatusCode} {response.Headers.Location}");
            }
        }

        Assert.True(failures.Count == 0, "Accepted without an antiforgery token:\n" + string.Join("\n", failures));
        Assert.Equal(before, await AuditCountAsync());
    }

    /// <summary>The values of the sample URLs' placeholders: rows that exist, so handlers get as far as they can.</summary>
    private async Task<Dictionary<string, string>> UrlsAsync()
    {
        var user = await factory.CreateAsync(SenRoles.Writer);
        var article = await factory.PickAsync(1);
        return new()
        {
            ["{user}"] = user.Id.ToString(CultureInfo.InvariantCulture),
            ["{article}"] = article.Id.ToString(CultureInfo.InvariantCulture),
            ["{token}"] = "khong-co-that",
        };
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, EndpointRow row, Dictionary<string, string> values, string? token)
    {
        var url = values.Aggregate(row.SampleUrl, (u, v) => u.Replace(v.Key, v.Value, StringComparison.Ordinal));
        using var request = new HttpRequestMessage(new HttpMethod(row.Method == "*" ? "GET" : row.Method), url);
        if (row.ChangesState)
        {
            var fields = new Dictionary<string, string>();
            if (token is not null)
            {
                fields["__RequestVerificationToken"] = token;
            }

            request.Content = new FormUrlEncodedContent(fields);
        }

        return await client.SendAsync(request, Ct);
    }

    private Task<int> AuditCountAsync() =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().AuditEntries.CountAsync(Ct));
}

public sealed class SqliteEndpointMatrixTests(SqliteAppFactory factory) : EndpointMatrixTests<SqliteAppFactory>(factory);

public sealed class PostgresEndpointMatrixTests(PostgresAppFactory factory) : EndpointMatrixTests<PostgresAppFactory>(factory);
