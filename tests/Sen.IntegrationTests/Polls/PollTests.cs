using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Import;
using Sen.Web.Features.Polls;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Polls;

/// <summary>
/// The opinion poll through HTTP: the sidebar, voting with and without the script's JSON, the rules
/// (one vote per reader, open polls only, the poll's own options, a token) and exact counts under load.
/// </summary>
public abstract class PollTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string Choice = "lua-chon";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_seed_poll_is_in_every_pages_sidebar_with_no_token_and_its_results_page_answers()
    {
        factory.RequireProvider();
        var client = factory.CreateClient();
        var home = await client.GetDocumentAsync("/");
        var form = home.QuerySelector("aside .sidebar-poll form.poll-form");
        Assert.NotNull(form);
        Assert.Equal("get", form.GetAttribute("method"));
        Assert.Equal(DemoContentSeeder.DemoPollQuestion, form.QuerySelector("fieldset legend").Text());
        Assert.Equal(["Rất tốt", "Tốt", "Bình thường", "Chưa tốt"], form.QuerySelectorAll("label").Select(l => l.Text()));
        Assert.All(form.QuerySelectorAll("input[type=radio]"), i => Assert.Equal(Choice, i.GetAttribute("name")));

        // The cached page holds nothing per reader.
        Assert.Null(home.QuerySelector("input[name=__RequestVerificationToken]"));

        var poll = await SeedPollAsync();
        var results = await client.GetDocumentAsync(PollUrls.Results(poll.Id));
        Assert.Equal(DemoContentSeeder.DemoPollQuestion, results.QuerySelector("main h1").Text());
        Assert.Equal(4, results.QuerySelectorAll("table.poll-results tbody tr").Length);
        Assert.Equal(4, results.QuerySelectorAll("table.poll-results meter").Length);
        await client.GetDocumentAsync(PollUrls.List);
    }

    [Fact]
    public async Task A_thousand_concurrent_votes_are_counted_exactly()
    {
        factory.RequireProvider();
        var poll = await CreatePollAsync(PollKind.SingleChoice, PollStatus.Open);

        // All 1,000 votes queue on the poll's row lock (PostgreSQL) or the write lock (SQLite). On a busy shared
        // test machine that takes longer than Npgsql's default 15 s wait for one of its 100 pooled connections
        // and HttpClient's 100 s timeout, which would fail votes for lack of time, not for miscounting.
        await using var patient = factory.WithWebHostBuilder(b => b.UseSetting("ConnectionStrings:Default", Patient(factory)));
        var client = patient.CreateClient(new() { HandleCookies = false });
        client.Timeout = TimeSpan.FromMinutes(10);
        var voter = await TokenAsync(client, poll.Id);

        const int N = 1000;
        var options = poll.Options.OrderBy(o => o.SortOrder).Select(o => o.Id).ToArray();
        var statuses = await Task.WhenAll(Enumerable.Range(0, N).Select(async i =>
        {
            using var response = await voter.PostAsync(client, poll.Id, [options[i % options.Length]]);
            return response.StatusCode;
        }));

        Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));
        var stored = await LoadAsync(poll.Id);
        Assert.Equal(N, stored.BallotCount);
        Assert.Equal([250, 250, 250, 250], stored.Options.OrderBy(o => o.SortOrder).Select(o => o.VoteCount));

        var page = await factory.CreateClient().GetDocumentAsync(PollUrls.Results(poll.Id));
        Assert.Contains("1.000", page.QuerySelector("table.poll-results caption").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_by_script_is_counted_once_and_a_second_one_is_409_and_counts_nothing()
    {
        factory.RequireProvider();
        var poll = await CreatePollAsync(PollKind.MultipleChoice, PollStatus.Open);
        var client = factory.CreateClient(new() { HandleCookies = false });
        var voter = await TokenAsync(client, poll.Id);
        var ids = poll.Options.OrderBy(o => o.SortOrder).Select(o => o.Id).ToArray();

        using var first = await voter.PostAsync(client, poll.Id, [ids[0], ids[2]]);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var json = await first.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Cảm ơn bạn đã tham gia bình chọn.", json.GetProperty("message").GetString());
        Assert.Equal(1, json.GetProperty("results").GetProperty("ballots").GetInt32());
        var voteCookie = first.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(PollVoteCookie.Name + "=", StringComparison.Ordinal));
        Assert.Contains("httponly", voteCookie, StringComparison.OrdinalIgnoreCase);

        // The same reader again: their signed cookie says they voted.
        var again = voter with { Cookies = voter.Cookies + "; " + voteCookie.Split(';')[0] };
        using var second = await again.PostAsync(client, poll.Id, [ids[1]]);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        var refused = await second.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Contains("đã bình chọn", refused.GetProperty("message").GetString(), StringComparison.Ordinal);

        // A forged cookie is no cookie: it neither blocks nor lets anyone vote twice.
        var forged = voter with { Cookies = voter.Cookies + "; " + PollVoteCookie.Name + "=gia-mao" };
        using var third = await forged.PostAsync(client, poll.Id, [ids[1]]);
        Assert.Equal(HttpStatusCode.OK, third.StatusCode);

        var stored = await LoadAsync(poll.Id);
        Assert.Equal(2, stored.BallotCount);
        Assert.Equal([1, 1, 1, 0], stored.Options.OrderBy(o => o.SortOrder).Select(o => o.VoteCount));
    }

    [Fact]
    public async Task Hostile_votes_are_refused_with_a_vietnamese_message_and_count_nothing()
    {
        factory.RequireProvider();
        var poll = await CreatePollAsync(PollKind.SingleChoice, PollStatus.Open);
        var other = await CreatePollAsync(PollKind.SingleChoice, PollStatus.Open);
        var closed = await CreatePollAsync(PollKind.SingleChoice, PollStatus.Closed);
        var draft = await CreatePollAsync(PollKind.SingleChoice, PollStatus.Draft);
        var ended = await CreatePollAsync(PollKind.SingleChoice, PollStatus.Open, closesAt: factory.Clock.GetUtcNow().UtcDateTime.AddMinutes(-1));
        var client = factory.CreateClient(new() { HandleCookies = false });
        var ids = poll.Options.Select(o => o.Id).ToArray();

        async Task RefusedAsync(Voter voter, int pollId, string[] choices, HttpStatusCode expected, string message)
        {
            using var response = await voter.PostRawAsync(client, pollId, choices);
            Assert.Equal(expected, response.StatusCode);
            var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            Assert.Contains(message, json.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        var voter = await TokenAsync(client, poll.Id);
        string S(int id) => id.ToString(System.Globalization.CultureInfo.InvariantCulture);

        await RefusedAsync(voter with { Token = null }, poll.Id, [S(ids[0])], HttpStatusCode.BadRequest, "Phiên bình chọn không hợp lệ");
        await RefusedAsync(voter with { Token = "sai" }, poll.Id, [S(ids[0])], HttpStatusCode.BadRequest, "Phiên bình chọn không hợp lệ");
        await RefusedAsync(voter, poll.Id, [S(other.Options[0].Id)], HttpStatusCode.BadRequest, "không hợp lệ");
        await RefusedAsync(voter, poll.Id, [S(ids[0]), S(ids[1])], HttpStatusCode.BadRequest, "không hợp lệ");
        await RefusedAsync(voter, poll.Id, [S(ids[0]), S(ids[0])], HttpStatusCode.BadRequest, "không hợp lệ");
        await RefusedAsync(voter, poll.Id, [], HttpStatusCode.BadRequest, "chọn ít nhất một");
        await RefusedAsync(voter, poll.Id, ["abc"], HttpStatusCode.BadRequest, "không hợp lệ");
        await RefusedAsync(voter, poll.Id, ["-1"], HttpStatusCode.BadRequest, "không hợp lệ");
        await RefusedAsync(voter, poll.Id, ["99999999999999"], HttpStatusCode.BadRequest, "không hợp lệ");
        await RefusedAsync(voter, closed.Id, [S(closed.Options[0].Id)], HttpStatusCode.Conflict, "không nhận bình chọn");
        await RefusedAsync(voter, ended.Id, [S(ended.Options[0].Id)], HttpStatusCode.Conflict, "không nhận bình chọn");
        await RefusedAsync(voter, draft.Id, [S(draft.Options[0].Id)], HttpStatusCode.NotFound, "Không tìm thấy");
        await RefusedAsync(voter, 987654, ["1"], HttpStatusCode.NotFound, "Không tìm thấy");

        // A malformed poll id is no page at all.
        using var malformed = await client.PostAsync(new Uri("/tham-do/abc/binh-chon", UriKind.Relative), new FormUrlEncodedContent([]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(new Uri($"/tham-do/{poll.Id}/binh-chon?lua-chon=x", UriKind.Relative), Ct)).StatusCode);

        foreach (var id in new[] { poll.Id, other.Id, closed.Id, draft.Id, ended.Id })
        {
            var stored = await LoadAsync(id);
            Assert.Equal(0, stored.BallotCount);
            Assert.All(stored.Options, o => Assert.Equal(0, o.VoteCount));
        }
    }

    [Fact]
    public async Task Without_script_the_sidebar_form_leads_to_the_vote_page_which_counts_the_vote_and_the_cached_results_follow()
    {
        factory.RequireProvider();
        var poll = await CreatePollAsync(PollKind.SingleChoice, PollStatus.Open);
        var client = factory.NewsroomClient();
        var option = poll.Options.OrderBy(o => o.SortOrder).Last();

        // The results page is cached before the vote ...
        var before = await client.GetDocumentAsync(PollUrls.Results(poll.Id));
        Assert.Contains(" 0", before.QuerySelector("table.poll-results caption").Text(), StringComparison.Ordinal);

        var page = await client.GetDocumentAsync($"{PollUrls.Vote(poll.Id)}?{Choice}={option.Id}");
        var form = page.QuerySelector("main form[method=post]");
        Assert.NotNull(form);
        Assert.True(page.QuerySelector($"#vote-{option.Id}")!.HasAttribute("checked"));
        using var response = await client.PostAsync(
            new Uri(PollUrls.Vote(poll.Id), UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(page), [Choice] = option.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var done = Html.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.Equal("Cảm ơn bạn đã tham gia bình chọn.", done.QuerySelector("main [role=status]").Text());

        // ... and shows the vote at once after it: the vote evicted it.
        var after = await client.GetDocumentAsync(PollUrls.Results(poll.Id));
        var rows = after.QuerySelectorAll("table.poll-results tbody tr");
        var row = rows[rows.Length - 1];
        Assert.Equal("1", row.QuerySelector("td").Text());
        Assert.Contains("100", row.QuerySelector("td.poll-percent").Text(), StringComparison.Ordinal);

        // The same browser cannot vote again: the form is gone and a POST is 409.
        var again = await client.GetDocumentAsync(PollUrls.Vote(poll.Id));
        Assert.Null(again.QuerySelector("main form[method=post]"));
        using var twice = await client.PostAsync(
            new Uri(PollUrls.Vote(poll.Id), UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(page), [Choice] = option.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            Ct);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Equal(1, (await LoadAsync(poll.Id)).BallotCount);
    }

    [Fact]
    public async Task An_approver_creates_opens_edits_closes_and_exports_a_poll_and_every_step_is_audited()
    {
        factory.RequireProvider();
        var approver = await factory.CreateAsync(SenRoles.Approver);
        var client = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await client.SignInAsync(approver.Email, TestAccounts.Password)).StatusCode);
        var question = "=Câu hỏi " + Guid.NewGuid().ToString("N")[..8];

        using var bad = await client.PostFormAsync("/admin/tham-do", new() { ["Question"] = question, ["Options"] = "Chỉ một" }, "/admin/tham-do?handler=Create");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("Cần ít nhất 2 phương án", await bad.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var created = await client.PostFormAsync(
            "/admin/tham-do", new() { ["Question"] = question, ["Options"] = "Có\n\nKhông\n+Khác", ["Kind"] = "single" }, "/admin/tham-do?handler=Create");
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var editUrl = created.Headers.Location!.OriginalString.Split('?')[0];
        var id = int.Parse(editUrl[(editUrl.LastIndexOf('/') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
        var poll = await LoadAsync(id);
        Assert.Equal(PollStatus.Draft, poll.Status);
        Assert.Equal(["Có", "Không", "+Khác"], poll.Options.OrderBy(o => o.SortOrder).Select(o => o.Text));

        // A draft is not public.
        var reader = factory.CreateClient();
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync(new Uri(PollUrls.Results(id), UriKind.Relative), Ct)).StatusCode);

        using var opened = await client.PostFormAsync(editUrl, new(), editUrl + "?handler=Open");
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        Assert.Equal(PollStatus.Open, (await LoadAsync(id)).Status);

        // The newest open poll is the sidebar's, at once (the change evicted every page).
        var home = await reader.GetDocumentAsync("/");
        Assert.Equal(question, home.QuerySelector(".sidebar-poll legend").Text());

        using var edited = await client.PostFormAsync(editUrl, new() { ["Question"] = question, ["Options"] = "Có\nKhông\n+Khác", ["Kind"] = "multiple" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.Equal(PollKind.MultipleChoice, (await LoadAsync(id)).Kind);
        Assert.Equal(3, (await reader.GetDocumentAsync("/")).QuerySelectorAll(".sidebar-poll input[type=checkbox]").Length);

        using var csv = await client.GetAsync(new Uri(editUrl + "?handler=Csv", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType!.MediaType);
        var bytes = await csv.Content.ReadAsByteArrayAsync(Ct);
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.Contains("Câu hỏi,'" + question, text, StringComparison.Ordinal);
        Assert.Contains("\r\n'+Khác,0,0.0\r\n", text, StringComparison.Ordinal);

        using var closed = await client.PostFormAsync(editUrl, new(), editUrl + "?handler=Close");
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal(PollStatus.Closed, (await LoadAsync(id)).Status);
        Assert.NotEqual(question, (await reader.GetDocumentAsync("/")).QuerySelector(".sidebar-poll legend")?.Text());

        var actions = await factory.InScopeAsync(async sp => await sp.GetRequiredService<SenDbContext>().AuditEntries
            .Where(a => a.EntityType == nameof(Poll) && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))
            .OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
        Assert.Equal(["poll.create", "poll.open", "poll.change", "poll.export", "poll.close"], actions);
    }

    [Fact]
    public async Task Options_with_votes_cannot_change()
    {
        factory.RequireProvider();
        var poll = await CreatePollAsync(PollKind.SingleChoice, PollStatus.Open);
        var client = factory.CreateClient(new() { HandleCookies = false });
        using (var vote = await (await TokenAsync(client, poll.Id)).PostAsync(client, poll.Id, [poll.Options[0].Id]))
        {
            Assert.Equal(HttpStatusCode.OK, vote.StatusCode);
        }

        var admin = await factory.CreateAsync(SenRoles.Admin);
        var newsroom = factory.NewsroomClient();
        Assert.Equal(HttpStatusCode.Redirect, (await newsroom.SignInAsync(admin.Email, TestAccounts.Password)).StatusCode);
        var url = $"/admin/tham-do/{poll.Id}";
        using var changed = await newsroom.PostFormAsync(url, new() { ["Question"] = poll.Question, ["Options"] = "Một\nHai" });
        Assert.Equal(HttpStatusCode.BadRequest, changed.StatusCode);
        Assert.Contains("không thể sửa các phương án", await changed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        Assert.Equal(poll.Options.Select(o => o.Text), (await LoadAsync(poll.Id)).Options.OrderBy(o => o.SortOrder).Select(o => o.Text));
    }

    private static string Patient(SenAppFactory app)
    {
        var configured = app.Services.GetRequiredService<IConfiguration>()["ConnectionStrings:Default"]!;
        return app.Provider == DatabaseProvider.Postgres
            ? new NpgsqlConnectionStringBuilder(configured) { Timeout = 600, CommandTimeout = 600 }.ToString()
            : new SqliteConnectionStringBuilder(configured) { DefaultTimeout = 600 }.ToString();
    }

    /// <summary>An antiforgery token and its cookie, as the sidebar script gets them, sent with each vote.</summary>
    private sealed record Voter(string Cookies, string? Token)
    {
        public Task<HttpResponseMessage> PostAsync(HttpClient client, int pollId, int[] options) =>
            PostRawAsync(client, pollId, [.. options.Select(o => o.ToString(System.Globalization.CultureInfo.InvariantCulture))]);

        public async Task<HttpResponseMessage> PostRawAsync(HttpClient client, int pollId, string[] options)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, PollUrls.Vote(pollId))
            {
                Content = new FormUrlEncodedContent(options.Select(o => new KeyValuePair<string, string>(Choice, o))),
            };
            request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
            request.Headers.Add("Cookie", Cookies);
            if (Token is not null)
            {
                request.Headers.Add("RequestVerificationToken", Token);
            }

            return await client.SendAsync(request, Ct);
        }
    }

    private static async Task<Voter> TokenAsync(HttpClient client, int pollId)
    {
        using var response = await client.GetAsync(new Uri(PollUrls.Vote(pollId) + "?handler=Token", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString() ?? "", StringComparison.Ordinal);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("RequestVerificationToken", json.GetProperty("headerName").GetString());
        var cookies = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return new Voter(cookies, json.GetProperty("token").GetString());
    }

    private Task<Poll> SeedPollAsync() => factory.InScopeAsync(async sp =>
        await sp.GetRequiredService<SenDbContext>().Polls.AsNoTracking().Include(p => p.Options)
            .OrderBy(p => p.Id).FirstAsync(p => p.Question == DemoContentSeeder.DemoPollQuestion, Ct));

    private Task<Poll> LoadAsync(int id) => factory.InScopeAsync(async sp =>
        await sp.GetRequiredService<SenDbContext>().Polls.AsNoTracking().Include(p => p.Options).FirstAsync(p => p.Id == id, Ct));

    /// <summary>A poll of the default site, four options, written straight to the database (opened long ago, so it never becomes the sidebar's).</summary>
    private Task<Poll> CreatePollAsync(PollKind kind, PollStatus status, DateTime? closesAt = null) => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var siteId = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var poll = new Poll
        {
            SiteId = siteId,
            Question = "Câu hỏi thử " + Guid.NewGuid().ToString("N")[..8],
            Kind = kind,
            Status = status,
            OpensAt = now.AddYears(-1),
            ClosesAt = closesAt,
            CreatedAt = now,
            UpdatedAt = now,
            Options = [.. new[] { "Một", "Hai", "Ba", "Bốn" }.Select((t, i) => new PollOption { Text = t, SortOrder = i + 1 })],
        };
        db.Polls.Add(poll);
        await db.SaveChangesAsync(Ct);
        return poll;
    });
}

public sealed class SqlitePollTests(SqliteAppFactory factory) : PollTests<SqliteAppFactory>(factory);

public sealed class PostgresPollTests(PostgresAppFactory factory) : PollTests<PostgresAppFactory>(factory);
