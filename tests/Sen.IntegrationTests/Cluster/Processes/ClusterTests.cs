using System.Diagnostics;
using System.Globalization;
using Sen.IntegrationTests.Newsroom;
using Sen.Web.Features.Accounts;
using Sen.Web.Features.Polls;
using Sen.Web.Features.ViewCounts;

namespace Sen.IntegrationTests.Cluster.Processes;

/// <summary>
/// The cluster as an operator runs it (issue 13, point 3): two Sen processes on one PostgreSQL and one
/// Redis behind nginx. What one node does, the other shows within 2 s; views and votes sent to both sum
/// exactly; a sign-in on one works on the other; and a node killed with SIGKILL under load costs no
/// reader an error and at most its last second of views. docs/OPERATIONS.md, "Cluster test".
/// </summary>
public sealed class ClusterTests(SenCluster cluster) : IClassFixture<SenCluster>
{
    /// <summary>What the issue promises between nodes, measured once both are up.</summary>
    private static readonly TimeSpan Promise = TimeSpan.FromSeconds(2);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_article_published_on_A_is_served_by_B_and_listed_in_its_category_within_two_seconds()
    {
        cluster.Require();
        await cluster.WithLogsAsync(async () =>
        {
            var (email, invitation) = await cluster.InviteAsync(SenRoles.Approver);
            var cookies = new CookieContainer();
            using var a = SenCluster.Client(cluster.A, cookies);
            await AcceptAsync(a, invitation);
            using var reader = SenCluster.Client(cluster.B);

            var title = $"Hội nghị cụm máy chủ {Guid.NewGuid():N}"[..40];
            var fields = await NewArticleAsync(title);
            var id = await a.CreateThroughPageAsync(fields);
            var path = await PathOfAsync(id);

            // B has the category page cached and has answered the article's address with a 404.
            Assert.DoesNotContain(title, await GetAsync(reader, "/xay-dung-dang"), StringComparison.Ordinal);
            using (var before = await reader.GetAsync(new Uri(path, UriKind.Relative), Ct))
            {
                Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
            }

            using (var published = await a.SubmitFormAsync($"/admin/bai-viet/{id}", "form[action$='handler=Publish']"))
            {
                Assert.True(published.StatusCode == HttpStatusCode.Redirect, $"{email}: publishing answered {published.StatusCode}");
            }

            var clock = Stopwatch.StartNew();
            var served = await WithinAsync(TimeSpan.FromSeconds(15), async () =>
            {
                using var page = await reader.GetAsync(new Uri(path, UriKind.Relative), Ct);
                return page.StatusCode == HttpStatusCode.OK && (await page.Content.ReadAsStringAsync(Ct)).Contains(title, StringComparison.Ordinal);
            });
            var articleAfter = clock.Elapsed;
            var listed = await WithinAsync(TimeSpan.FromSeconds(15), async () => (await GetAsync(reader, "/xay-dung-dang")).Contains(title, StringComparison.Ordinal));
            var categoryAfter = clock.Elapsed;
            Report($"publish on A → B: article page after {articleAfter.TotalMilliseconds:0} ms, category page after {categoryAfter.TotalMilliseconds:0} ms");

            Assert.True(served, "B never served the article published on A");
            Assert.True(listed, "B's category page never listed the article published on A");
            Assert.True(articleAfter <= Promise, $"B served the article {articleAfter.TotalMilliseconds:0} ms after A published it (promise: {Promise.TotalSeconds} s)");
            Assert.True(categoryAfter <= Promise, $"B listed the article {categoryAfter.TotalMilliseconds:0} ms after A published it (promise: {Promise.TotalSeconds} s)");
        });
    }

    [Fact]
    public async Task Views_sent_to_both_nodes_sum_exactly_in_the_database()
    {
        cluster.Require();
        await cluster.WithLogsAsync(async () =>
        {
            var article = await cluster.ArticleAsync(2);
            using var a = SenCluster.Client(cluster.A);
            using var b = SenCluster.Client(cluster.B);
            var before = await cluster.StoredViewsAsync(article.Id);

            // 300 readers on each node, ten at a time, as browsers (a crawler's GET would not count).
            const int PerNode = 300;
            using var gate = new SemaphoreSlim(10);
            var statuses = await Task.WhenAll(Enumerable.Range(0, 2 * PerNode).Select(async i =>
            {
                await gate.WaitAsync(Ct);
                try
                {
                    using var response = await (i % 2 == 0 ? a : b).GetAsync(new Uri(article.Path, UriKind.Relative), Ct);
                    return response.StatusCode;
                }
                finally
                {
                    gate.Release();
                }
            }));
            Assert.All(statuses, s => Assert.Equal(HttpStatusCode.OK, s));

            // Each node stores its views every second; then nothing more may arrive.
            var expected = before + 2 * PerNode;
            await WithinAsync(TimeSpan.FromSeconds(15), async () => await cluster.StoredViewsAsync(article.Id) >= expected);
            await Task.Delay(ViewCountFlusher.Interval * 2.5, Ct);
            Assert.Equal(expected, await cluster.StoredViewsAsync(article.Id));
        });
    }

    [Fact]
    public async Task B_shows_the_views_A_counted_within_two_seconds()
    {
        cluster.Require();
        await cluster.WithLogsAsync(async () =>
        {
            var article = await cluster.ArticleAsync(3);
            using var a = SenCluster.Client(cluster.A);
            using var b = SenCluster.Client(cluster.B);
            var shownOnB = await ShownWithoutCountingAsync(b, article.Path);

            const int Views = 50;
            for (var i = 0; i < Views; i++)
            {
                using var response = await a.GetAsync(new Uri(article.Path, UriKind.Relative), Ct);
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            }

            var clock = Stopwatch.StartNew();
            var caughtUp = await WithinAsync(TimeSpan.FromSeconds(15), async () => await ShownWithoutCountingAsync(b, article.Path) >= shownOnB + Views);
            var after = clock.Elapsed;
            Report($"views on A → shown on B after {after.TotalMilliseconds:0} ms");
            Assert.True(caughtUp, "B never showed A's views");
            Assert.True(after <= Promise, $"B showed A's views {after.TotalMilliseconds:0} ms after A counted them (promise: {Promise.TotalSeconds} s)");
        });
    }

    [Fact]
    public async Task Poll_votes_through_both_nodes_are_exact_and_one_reader_cannot_vote_again_through_the_other()
    {
        cluster.Require();
        await cluster.WithLogsAsync(async () =>
        {
            var pollId = await cluster.ScalarAsync<int>("SELECT \"Id\" FROM \"Polls\" ORDER BY \"Id\" LIMIT 1");
            var options = await OptionsAsync(pollId);
            var ballotsBefore = await BallotsAsync(pollId);
            var votesBefore = await VotesAsync(options);

            // Forty readers, each with their own browser, every other one on B.
            const int Voters = 40;
            await Task.WhenAll(Enumerable.Range(0, Voters).Select(async i =>
            {
                using var client = SenCluster.Client(i % 2 == 0 ? cluster.A : cluster.B);
                using var vote = await VoteAsync(client, pollId, options[i % options.Length]);
                Assert.True(vote.StatusCode == HttpStatusCode.OK, $"voter {i}: {vote.StatusCode}");
            }));

            Assert.Equal(ballotsBefore + Voters, await BallotsAsync(pollId));
            var votes = await VotesAsync(options);
            Assert.Equal(votesBefore.Select((v, i) => v + (Voters / options.Length) + (i < Voters % options.Length ? 1 : 0)), votes);

            // One reader (one cookie jar) votes on A, then tries again on B: B reads A's signed cookie.
            var cookies = new CookieContainer();
            using var onA = SenCluster.Client(cluster.A, cookies);
            using var onB = SenCluster.Client(cluster.B, cookies);
            using (var first = await VoteAsync(onA, pollId, options[0]))
            {
                Assert.Equal(HttpStatusCode.OK, first.StatusCode);
            }

            var page = await onB.GetDocumentAsync(PollUrls.Vote(pollId));
            Assert.Null(page.QuerySelector("form.poll-form-page"));
            using (var again = await VoteWithTokenAsync(onB, pollId, options[1]))
            {
                Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
            }

            Assert.Equal(ballotsBefore + Voters + 1, await BallotsAsync(pollId));
        });
    }

    [Fact]
    public async Task Signed_in_on_A_the_newsroom_opens_on_B_and_a_draft_saved_on_B_with_As_form_token_is_stored()
    {
        cluster.Require();
        await cluster.WithLogsAsync(async () =>
        {
            var (email, invitation) = await cluster.InviteAsync(SenRoles.Approver);
            using (var setup = SenCluster.Client(cluster.A))
            {
                await AcceptAsync(setup, invitation);
            }

            // A fresh browser signs in on A through the sign-in form.
            var cookies = new CookieContainer();
            using var a = SenCluster.Client(cluster.A, cookies);
            using var b = SenCluster.Client(cluster.B, cookies);
            using (var signedIn = await a.SignInAsync(email, TestAccounts.Password))
            {
                Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
            }

            // B knows the reader from A's cookie.
            using (var dashboard = await b.GetAsync(new Uri("/admin", UriKind.Relative), Ct))
            {
                Assert.True(dashboard.StatusCode == HttpStatusCode.OK, $"B answered /admin with {dashboard.StatusCode} {dashboard.Headers.Location}");
            }

            // The form comes from A, its token and cookie go to B.
            var form = await a.GetDocumentAsync("/admin/bai-viet/moi");
            var title = $"Bản nháp lưu trên nút B {Guid.NewGuid():N}"[..40];
            var fields = await NewArticleAsync(title);
            fields["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(form);
            using var saved = await b.PostRawAsync("/admin/bai-viet/moi", fields);
            Assert.True(saved.StatusCode == HttpStatusCode.Redirect, $"B answered the draft from A's form with {saved.StatusCode}");
            Assert.Equal(1, await cluster.ScalarAsync<long>(
                "SELECT COUNT(*) FROM \"Articles\" WHERE \"Title\" = @title AND \"Status\" = 0", ("title", title)));
        });
    }

    [Fact]
    public async Task A_killed_with_SIGKILL_under_load_through_nginx_costs_no_errors_and_at_most_its_last_flush_interval_of_views()
    {
        cluster.Require();
        try
        {
            await cluster.WithLogsAsync(KillUnderLoadAsync);
        }
        finally
        {
            // The other tests need both nodes, whatever order they run in.
            if (!cluster.A.IsRunning)
            {
                await cluster.RestartAsync(cluster.A);
            }
        }
    }

    private async Task KillUnderLoadAsync()
    {
        var article = await cluster.ArticleAsync(4);
        var before = await cluster.StoredViewsAsync(article.Id);
        const int Concurrency = 16;
        using var client = cluster.PublicClient(Concurrency);
        var hits = new System.Collections.Concurrent.ConcurrentBag<Hit>();
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var workers = Enumerable.Range(0, Concurrency).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                var started = clock.Elapsed;
                try
                {
                    using var response = await client.GetAsync(new Uri(article.Path, UriKind.Relative), HttpCompletionOption.ResponseContentRead, Ct);
                    var upstream = response.Headers.TryGetValues("X-Upstream", out var values) ? string.Join(",", values) : "";
                    hits.Add(new Hit(started, clock.Elapsed, (int)response.StatusCode, upstream));
                }
                catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !Ct.IsCancellationRequested))
                {
                    hits.Add(new Hit(started, clock.Elapsed, 0, ""));
                }
            }
        }, Ct)).ToList();

        // The kill comes once both nodes have answered readers for a while (a busy machine is slow to warm up)...
        int Answered(ClusterNode node) => hits.Count(h => h.Status == 200 && h.Upstream == node.Upstream);
        var warm = await WithinAsync(TimeSpan.FromSeconds(90), () => Task.FromResult(
            clock.Elapsed >= TimeSpan.FromSeconds(3) && Answered(cluster.A) >= 50 && Answered(cluster.B) >= 50));
        Assert.True(warm, $"before the kill A answered {Answered(cluster.A)} and B {Answered(cluster.B)} readers in {clock.Elapsed.TotalSeconds:0} s");
        var killAt = clock.Elapsed;
        cluster.A.KillHard();
        var killed = clock.Elapsed;

        // ...and the load goes on for 3 s and at least 100 more readers.
        await WithinAsync(TimeSpan.FromSeconds(90), () => Task.FromResult(
            clock.Elapsed >= killed + TimeSpan.FromSeconds(3) && hits.Count(h => h.Started > killed) >= 100));
        await stop.CancelAsync();
        await Task.WhenAll(workers);
        var loadEnded = clock.Elapsed;

        // B stores its views within a second; A's unstored ones are gone with it.
        await Task.Delay(ViewCountFlusher.Interval * 3, Ct);
        var stored = await cluster.StoredViewsAsync(article.Id) - before;

        var all = hits.ToList();
        var ok = all.Count(h => h.Status == 200);
        var lost = ok - stored;
        var servedByA = all.Where(h => h.Status == 200 && h.Upstream == cluster.A.Upstream).ToList();
        var beforeKill = servedByA.Where(h => h.Ended < killAt).ToList();
        var aRate = beforeKill.Count / (beforeKill.Max(h => h.Ended) - beforeKill.Min(h => h.Started)).TotalSeconds;

        // What A had counted since its last flush: at most its views of the last interval (with half an
        // interval for a flush that was still writing, on a busy machine), and the requests it held.
        var window = ViewCountFlusher.Interval * 1.5;
        var aLastInterval = servedByA.Count(h => h.Ended >= killAt - window && h.Ended <= killed);
        var inFlight = all.Count(h => h.Started <= killAt && h.Ended >= killAt);
        var errorsAfterKill = all.Where(h => h.Ended >= killAt && h.Status != 200).ToList();
        // Started once A was gone: a request started while the kill was on its way may still be answered by A.
        var startedAfter = all.Where(h => h.Started > killed).ToList();
        var servedByBAfter = startedAfter.Count(h => h.Status == 200 && h.Upstream.EndsWith(cluster.B.Upstream, StringComparison.Ordinal));

        Report(string.Create(CultureInfo.InvariantCulture,
            $"kill -9 of A under load through nginx: {all.Count} requests in {loadEnded.TotalSeconds:0.0} s ({Concurrency} at a time), {ok} answered 200, "
            + $"{errorsAfterKill.Count} errors after the kill ({inFlight} requests in flight at the kill); A served {aRate:0} views/s before the kill, "
            + $"{aLastInterval} in its last {window.TotalSeconds:0.0} s; views stored {stored}, lost {lost} "
            + $"({(ok == 0 ? 0 : 100.0 * lost / ok):0.00} % of the views sent; bound: A's views since its last flush, flush every {ViewCountFlusher.Interval.TotalSeconds:0} s); "
            + $"answered by: {string.Join(", ", all.GroupBy(h => h.Upstream).Select(g => $"{(g.Key.Length == 0 ? "-" : g.Key)} {g.Count()}"))} (A is {cluster.A.Upstream}, B {cluster.B.Upstream})"));

        Assert.True(startedAfter.Count > 0 && startedAfter.All(h => h.Status == 200),
            $"after the kill {startedAfter.Count(h => h.Status != 200)} of {startedAfter.Count} new requests failed (statuses: {string.Join(",", startedAfter.Select(h => h.Status).Distinct())})");
        Assert.True(servedByBAfter == startedAfter.Count, $"B answered {servedByBAfter} of the {startedAfter.Count} requests after the kill");
        Assert.True(errorsAfterKill.Count <= inFlight, $"{errorsAfterKill.Count} errors after the kill, more than the {inFlight} requests in flight");
        Assert.True(lost >= -inFlight, $"{-lost} more views stored than readers were answered (in flight at the kill: {inFlight})");
        Assert.True(lost <= aLastInterval + inFlight,
            $"{lost} views lost, more than A's {aLastInterval} views of its last flush interval plus {inFlight} in flight");
    }

    private sealed record Hit(TimeSpan Started, TimeSpan Ended, int Status, string Upstream);

    private static void Report(string line) => TestContext.Current.TestOutputHelper?.WriteLine(line);

    private static async Task<bool> WithinAsync(TimeSpan limit, Func<Task<bool>> condition)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (await condition())
            {
                return true;
            }

            if (clock.Elapsed > limit)
            {
                return false;
            }

            await Task.Delay(50, Ct);
        }
    }

    private static async Task<string> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"GET {path} on {client.BaseAddress}: {response.StatusCode}");
        return await response.Content.ReadAsStringAsync(Ct);
    }

    /// <summary>The view count a page shows, read as a prefetch (which is not a view).</summary>
    private static async Task<long> ShownWithoutCountingAsync(HttpClient client, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Sec-Purpose", "prefetch");
        using var response = await client.SendAsync(request, Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return TestArticles.ShownViews(await response.Content.ReadAsStringAsync(Ct));
    }

    private static async Task AcceptAsync(HttpClient client, string invitation)
    {
        using var accepted = await client.PostFormAsync(invitation, new() { ["Password"] = TestAccounts.Password, ["ConfirmPassword"] = TestAccounts.Password });
        Assert.True(accepted.StatusCode == HttpStatusCode.Redirect, $"accepting the invitation answered {accepted.StatusCode}");
    }

    private async Task<Dictionary<string, string>> NewArticleAsync(string title) => new()
    {
        ["Title"] = title,
        ["Slug"] = "",
        ["Lead"] = "Sa-pô của bài viết đăng trên một nút của cụm.",
        ["CategoryId"] = (await cluster.ScalarAsync<int>("SELECT \"Id\" FROM \"Categories\" WHERE \"Slug\" = 'xay-dung-dang'")).ToString(CultureInfo.InvariantCulture),
        ["AuthorName"] = "Nguyễn Văn A",
        ["AuthorUnit"] = "Ban Tuyên giáo",
        ["CoverImageUrl"] = "",
        ["CoverCaption"] = "",
        ["PublishAt"] = "",
        ["BodyHtml"] = "<p>Nội dung của bài.</p>",
    };

    private async Task<string> PathOfAsync(int id)
    {
        var slug = await cluster.ScalarAsync<string>("SELECT \"Slug\" FROM \"Articles\" WHERE \"Id\" = @id", ("id", id));
        return Sen.Web.Features.Articles.ArticleUrls.Article("xay-dung-dang", slug, id);
    }

    private async Task<int[]> OptionsAsync(int pollId)
    {
        var options = new List<int>();
        await using var connection = new Npgsql.NpgsqlConnection(cluster.ConnectionString);
        await connection.OpenAsync(Ct);
        await using var command = new Npgsql.NpgsqlCommand("SELECT \"Id\" FROM \"PollOptions\" WHERE \"PollId\" = @id ORDER BY \"SortOrder\", \"Id\"", connection);
        command.Parameters.AddWithValue("id", pollId);
        await using var reader = await command.ExecuteReaderAsync(Ct);
        while (await reader.ReadAsync(Ct))
        {
            options.Add(reader.GetInt32(0));
        }

        Assert.NotEmpty(options);
        return [.. options];
    }

    private Task<long> BallotsAsync(int pollId) =>
        cluster.ScalarAsync<long>("SELECT \"BallotCount\" FROM \"Polls\" WHERE \"Id\" = @id", ("id", pollId));

    private async Task<long[]> VotesAsync(int[] options)
    {
        var votes = new long[options.Length];
        for (var i = 0; i < options.Length; i++)
        {
            votes[i] = await cluster.ScalarAsync<long>("SELECT \"VoteCount\" FROM \"PollOptions\" WHERE \"Id\" = @id", ("id", options[i]));
        }

        return votes;
    }

    /// <summary>The vote page's form, posted with its token and one choice, as a reader without the script votes.</summary>
    private static async Task<HttpResponseMessage> VoteAsync(HttpClient client, int pollId, int option)
    {
        var page = await client.GetDocumentAsync(PollUrls.Vote(pollId));
        Assert.NotNull(page.QuerySelector("form.poll-form-page"));
        return await client.PostRawAsync(PollUrls.Vote(pollId), new()
        {
            ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(page),
            [PollVotePageModel.ChoiceField] = option.ToString(CultureInfo.InvariantCulture),
        });
    }

    /// <summary>A vote with a token from the page's script endpoint (the form is not shown to a reader who voted).</summary>
    private static async Task<HttpResponseMessage> VoteWithTokenAsync(HttpClient client, int pollId, int option)
    {
        using var tokenResponse = await client.GetAsync(new Uri(PollUrls.Vote(pollId) + "?handler=Token", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, tokenResponse.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(await tokenResponse.Content.ReadAsStringAsync(Ct));
        var token = json.RootElement.GetProperty("token").GetString()!;
        return await client.PostRawAsync(PollUrls.Vote(pollId), new()
        {
            ["__RequestVerificationToken"] = token,
            [PollVotePageModel.ChoiceField] = option.ToString(CultureInfo.InvariantCulture),
        });
    }
}
