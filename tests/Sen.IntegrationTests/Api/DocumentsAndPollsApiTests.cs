using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Sen.Web.Features.Documents;

namespace Sen.IntegrationTests.Api;

/// <summary>/api/v1/documents and /api/v1/polls on a real database: the library's filters, a document's files, poll results and votes.</summary>
public abstract class DocumentsAndPollsApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Client()
    {
        factory.RequireProvider();
        return factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
    }

    [Fact]
    public async Task The_document_list_filters_like_the_library_and_refuses_malformed_filters_with_problems()
    {
        var client = Client();
        using var byTerm = await PublicApiTests<TFactory>.GetJsonAsync(client, "/api/v1/documents?khoa=x&loai=ket-luan");
        var items = byTerm.RootElement.GetProperty("items").EnumerateArray().ToList();
        var seed = Assert.Single(items, i => i.GetProperty("number").GetString() == "62-KL/TW");
        Assert.Equal("ket-luan", seed.GetProperty("kind").GetString());
        Assert.Equal("bo-chinh-tri", seed.GetProperty("body").GetString());
        Assert.Equal(10, seed.GetProperty("term").GetInt32());
        Assert.Equal("/van-ban/" + DemoDocuments.SeedDocumentSlug, seed.GetProperty("url").GetString());
        Assert.All(items, i => Assert.Equal("ket-luan", i.GetProperty("kind").GetString()));

        await PublicApiTests<TFactory>.AssertProblemAsync(client, "/api/v1/documents?nam=hai-nghin", HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        await PublicApiTests<TFactory>.AssertProblemAsync(client, "/api/v1/documents?loai=khong-co", HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        await PublicApiTests<TFactory>.AssertProblemAsync(client, "/api/v1/documents?khoa=x&khoa=xi", HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        await PublicApiTests<TFactory>.AssertProblemAsync(client, "/api/v1/documents?trang=9999", HttpStatusCode.NotFound, "Không tìm thấy");
    }

    [Fact]
    public async Task A_document_answers_by_slug_and_by_id_with_its_files_which_download()
    {
        var client = Client();
        using var bySlug = await PublicApiTests<TFactory>.GetJsonAsync(client, "/api/v1/documents/" + DemoDocuments.SeedDocumentSlug);
        var document = bySlug.RootElement.GetProperty("document");
        Assert.Equal("62-KL/TW", document.GetProperty("number").GetString());
        var id = document.GetProperty("id").GetInt32();
        using var byId = await PublicApiTests<TFactory>.GetJsonAsync(client, "/api/v1/documents/" + id);
        Assert.Equal(DemoDocuments.SeedDocumentSlug, byId.RootElement.GetProperty("document").GetProperty("slug").GetString());

        var file = bySlug.RootElement.GetProperty("files")[0];
        Assert.Contains("pdf", file.GetProperty("format").GetString(), StringComparison.OrdinalIgnoreCase);
        using var download = await client.GetAsync(new Uri(file.GetProperty("url").GetString()!, UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal(file.GetProperty("length").GetInt64(), (await download.Content.ReadAsByteArrayAsync(Ct)).LongLength);

        await PublicApiTests<TFactory>.AssertProblemAsync(client, "/api/v1/documents/khong-co-van-ban-nay", HttpStatusCode.NotFound, "Không tìm thấy");
    }

    [Fact]
    public async Task Polls_read_and_a_json_vote_counts_once_while_forms_other_polls_options_and_repeats_count_nothing()
    {
        var client = Client();
        using var list = await PublicApiTests<TFactory>.GetJsonAsync(client, "/api/v1/polls");
        var seed = list.RootElement.EnumerateArray().Single(p => p.GetProperty("question").GetString()!.StartsWith("Bạn đánh giá", StringComparison.Ordinal));
        var pollId = seed.GetProperty("id").GetInt32();
        Assert.True(seed.GetProperty("acceptsVotes").GetBoolean());
        Assert.Equal(["Rất tốt", "Tốt", "Bình thường", "Chưa tốt"], seed.GetProperty("options").EnumerateArray().Select(o => o.GetProperty("text").GetString()));
        var option = seed.GetProperty("options")[1].GetProperty("id").GetInt32();
        var ballots = seed.GetProperty("ballots").GetInt32();
        var url = $"/api/v1/polls/{pollId}/votes";

        // A form (what another site's page can send without asking) is not a vote.
        using (var form = await client.PostAsync(new Uri(url, UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string> { ["options"] = option.ToString(System.Globalization.CultureInfo.InvariantCulture) }), Ct))
        {
            Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
            Assert.Equal("application/problem+json", form.Content.Headers.ContentType?.MediaType);
        }

        foreach (var body in (string[])["{}", "{\"options\":[]}", "{\"options\":[0]}", "{\"options\":[999999]}", "{\"options\":\"1\"}", "không phải json"])
        {
            using var refused = await client.PostAsync(new Uri(url, UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, "application/json"), Ct);
            Assert.True(refused.StatusCode == HttpStatusCode.BadRequest, $"{body}: {(int)refused.StatusCode}");
        }

        using (var counted = await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), new { options = new[] { option } }, Ct))
        {
            Assert.Equal(HttpStatusCode.OK, counted.StatusCode);
            using var answer = JsonDocument.Parse(await counted.Content.ReadAsStringAsync(Ct));
            Assert.Equal(ballots + 1, answer.RootElement.GetProperty("poll").GetProperty("ballots").GetInt32());
            Assert.False(string.IsNullOrWhiteSpace(answer.RootElement.GetProperty("message").GetString()));
        }

        using (var again = await client.PostAsJsonAsync(new Uri(url, UriKind.Relative), new { options = new[] { option } }, Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        }

        await PublicApiTests<TFactory>.AssertProblemAsync(client, "/api/v1/polls/abc", HttpStatusCode.BadRequest, "Yêu cầu không hợp lệ");
        await PublicApiTests<TFactory>.AssertProblemAsync(client, "/api/v1/polls/999999", HttpStatusCode.NotFound, "Không tìm thấy");
        using var after = await PublicApiTests<TFactory>.GetJsonAsync(client, $"/api/v1/polls/{pollId}");
        Assert.Equal(ballots + 1, after.RootElement.GetProperty("ballots").GetInt32());
    }
}

public sealed class SqliteDocumentsAndPollsApiTests(SqliteAppFactory factory) : DocumentsAndPollsApiTests<SqliteAppFactory>(factory);

public sealed class PostgresDocumentsAndPollsApiTests(PostgresAppFactory factory) : DocumentsAndPollsApiTests<PostgresAppFactory>(factory);
