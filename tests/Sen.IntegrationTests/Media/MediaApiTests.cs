using System.Net.Http.Headers;
using System.Text.Json;
using Sen.Web.Features.Accounts;

namespace Sen.IntegrationTests.Media;

/// <summary>POST /admin/api/media: signed-in newsroom users only, antiforgery, Vietnamese problems with 400/413/415.</summary>
public abstract class MediaApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string UploadUrl = "/admin/api/media";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_signed_in_writer_uploads_an_image_and_readers_get_it()
    {
        await using var host = MediaHost.Start(factory);
        var (client, token) = await SignedInAsync(host);
        using var response = await client.PostAsync(new Uri(UploadUrl, UriKind.Relative), Form(MediaTestFiles.Jpeg(1200, 800), "anh.jpg", token, alt: "Hội nghị tổng kết"), Ct);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        var url = json.RootElement.GetProperty("url").GetString()!;
        Assert.Equal("Hội nghị tổng kết", json.RootElement.GetProperty("altText").GetString());

        using var file = await host.CreateClient().GetAsync(new Uri(url, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
    }

    [Fact]
    public async Task Anonymous_uploads_get_401_and_nothing_is_stored()
    {
        await using var host = MediaHost.Start(factory);
        using var response = await host.CreateClient().PostAsync(new Uri(UploadUrl, UriKind.Relative), Form(MediaTestFiles.Jpeg(100, 100), "anh.jpg", token: null), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Files());
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused_with_a_vietnamese_400()
    {
        await using var host = MediaHost.Start(factory);
        var (client, _) = await SignedInAsync(host);
        using var response = await client.PostAsync(new Uri(UploadUrl, UriKind.Relative), Form(MediaTestFiles.Jpeg(100, 100), "anh.jpg", token: null), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("tải lại trang", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Empty(host.Files());
    }

    [Fact]
    public async Task An_oversized_upload_gets_413_with_the_limit_in_vietnamese()
    {
        await using var host = MediaHost.Start(factory, maxBytes: 1024 * 1024);
        var (client, token) = await SignedInAsync(host);
        using var response = await client.PostAsync(new Uri(UploadUrl, UriKind.Relative), Form(new byte[3 * 1024 * 1024], "lon.pdf", token), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("tối đa là 1 MB", await DetailAsync(response), StringComparison.Ordinal);
        Assert.Empty(host.Files());
    }

    [Fact]
    public async Task An_svg_gets_415_and_a_form_that_is_not_multipart_too()
    {
        await using var host = MediaHost.Start(factory);
        var (client, token) = await SignedInAsync(host);
        var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"u8.ToArray();
        using var response = await client.PostAsync(new Uri(UploadUrl, UriKind.Relative), Form(svg, "logo.svg", token), Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(await DetailAsync(response)));

        using var json = new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
        using var notForm = await client.PostAsync(new Uri(UploadUrl, UriKind.Relative), json, Ct);
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, notForm.StatusCode);
        Assert.Empty(host.Files());
    }

    [Fact]
    public async Task The_library_lists_images_for_the_editor_and_refuses_bad_queries_in_vietnamese()
    {
        await using var host = MediaHost.Start(factory);
        var (client, token) = await SignedInAsync(host);
        using var uploaded = await client.PostAsync(new Uri(UploadUrl, UriKind.Relative), Form(MediaTestFiles.Jpeg(800, 600), "quang-truong.jpg", token, alt: "Quảng trường"), Ct);
        Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);

        using var images = await client.GetAsync(new Uri(UploadUrl + "?kind=image&q=quang+truong", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, images.StatusCode);
        using var json = JsonDocument.Parse(await images.Content.ReadAsStringAsync(Ct));
        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal("Quảng trường", item.GetProperty("altText").GetString());
        Assert.StartsWith("/media/", item.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal(800, item.GetProperty("width").GetInt32());

        using var files = await client.GetAsync(new Uri(UploadUrl + "?kind=file", UriKind.Relative), Ct);
        using var noFiles = JsonDocument.Parse(await files.Content.ReadAsStringAsync(Ct));
        Assert.Empty(noFiles.RootElement.GetProperty("items").EnumerateArray());

        foreach (var bad in new[] { "?page=0", "?page=abc", "?page=99999999999", "?kind=video" })
        {
            using var refused = await client.GetAsync(new Uri(UploadUrl + bad, UriKind.Relative), Ct);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("không hợp lệ", await DetailAsync(refused), StringComparison.Ordinal);
        }

        using var anonymous = await host.CreateClient().GetAsync(new Uri(UploadUrl, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private async Task<(HttpClient Client, string Token)> SignedInAsync(MediaHost host)
    {
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var client = host.CreateClient();
        using var signedIn = await client.SignInAsync(writer.Email, TestAccounts.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var dashboard = await client.GetDocumentAsync("/admin");
        return (client, TestAccounts.AntiforgeryToken(dashboard));
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string? token, string alt = "Ảnh minh họa")
    {
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent(alt), "alt");
        if (token is not null)
        {
            form.Add(new StringContent(token), "__RequestVerificationToken");
        }

        return form;
    }

    private static async Task<string> DetailAsync(HttpResponseMessage response)
    {
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        return json.RootElement.GetProperty("detail").GetString() ?? "";
    }
}

public sealed class SqliteMediaApiTests(SqliteAppFactory factory) : MediaApiTests<SqliteAppFactory>(factory);

public sealed class PostgresMediaApiTests(PostgresAppFactory factory) : MediaApiTests<PostgresAppFactory>(factory);
