using Sen.Web.Features.Accounts;

namespace Sen.IntegrationTests.Cluster;

/// <summary>
/// Two nodes on one PostgreSQL database and one Redis (issue 13, shared state): what one node protects
/// (a sign-in, a form token, a vote cookie) the other reads, and the sign-in and vote limits count the
/// attempts made on both. Each node has a data folder of its own, so only Redis can make this true: the
/// last test shows the same nodes without Redis refusing each other's tokens.
/// </summary>
public sealed class SharedStateTests(PostgresAppFactory factory) : IClassFixture<PostgresAppFactory>, IAsyncDisposable
{
    private const string SignInPath = "/admin/dang-nhap";
    private readonly ClusterNodes cluster = new(factory);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask DisposeAsync() => cluster.DisposeAsync();

    [Fact]
    public async Task A_form_token_and_a_sign_in_from_one_node_are_valid_on_the_other()
    {
        cluster.Require();
        var writer = await factory.CreateAsync(SenRoles.Writer);
        var a = cluster.Node();
        var b = cluster.Node();
        var cookies = new CookieContainer();
        var onA = ClusterNodes.Client(a, cookies);
        var onB = ClusterNodes.Client(b, cookies);

        // The form and its token from A, the post to B: B accepts the token and signs the writer in.
        var form = await onA.GetDocumentAsync(SignInPath);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = writer.Email,
            ["Password"] = TestAccounts.Password,
            ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(form),
        });
        using var signedIn = await onB.PostAsync(new Uri(SignInPath, UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);

        // The sign-in cookie B made opens the newsroom on A (and on B).
        Assert.Contains(writer.DisplayName, (await onA.GetDocumentAsync("/admin")).QuerySelector("h1").Text(), StringComparison.Ordinal);
        Assert.Contains(writer.DisplayName, (await onB.GetDocumentAsync("/admin")).QuerySelector("h1").Text(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_vote_cookie_from_one_node_stops_a_second_vote_on_the_other()
    {
        cluster.Require();
        var poll = await cluster.CreatePollAsync();
        var option = poll.Options.OrderBy(o => o.SortOrder).First().Id;
        var a = cluster.Node().CreateClient(new() { HandleCookies = false });
        var b = cluster.Node().CreateClient(new() { HandleCookies = false });

        // The token from A is good on B as well; the vote cookie B sets is read on A.
        var voter = await PollVoter.FromAsync(a, poll.Id);
        var (first, voted) = await voter.VoteAsync(b, poll.Id, option);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.NotEqual(voter, voted);
        var (second, _) = await voted.VoteAsync(a, poll.Id, option);
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
        Assert.Equal(1, (await cluster.LoadPollAsync(poll.Id)).BallotCount);
    }

    [Fact]
    public async Task Sign_in_attempts_made_on_both_nodes_count_against_one_limit()
    {
        cluster.Require();
        var limit = ("Accounts:SignInRateLimit:PermitsPerMinute", "4");
        var a = cluster.Node(limit).NewsroomClient();
        var b = cluster.Node(limit).NewsroomClient();

        // Three attempts on A and one on B use up the four; alone, B would allow three more.
        foreach (var client in new[] { a, a, a, b })
        {
            using var allowed = await client.SignInAsync("ai-do@example.vn", "SaiMatKhau2026");
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var refused = await b.SignInAsync("ai-do@example.vn", "SaiMatKhau2026");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.InRange(refused.Headers.RetryAfter?.Delta?.TotalSeconds ?? 0, 1, 60);
        Assert.Contains("Quá nhiều lần đăng nhập", await refused.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        using var alsoRefused = await a.SignInAsync("ai-do@example.vn", "SaiMatKhau2026");
        Assert.Equal(HttpStatusCode.TooManyRequests, alsoRefused.StatusCode);
    }

    [Fact]
    public async Task Votes_sent_to_both_nodes_count_against_one_limit()
    {
        cluster.Require();
        var limit = ("Polls:VoteRateLimit:PermitsPerMinute", "3");
        var poll = await cluster.CreatePollAsync();
        var option = poll.Options.OrderBy(o => o.SortOrder).First().Id;
        var a = cluster.Node(limit).CreateClient(new() { HandleCookies = false });
        var b = cluster.Node(limit).CreateClient(new() { HandleCookies = false });

        // Readers without the vote cookie, all from one address: two votes on A, one on B, then B refuses.
        foreach (var client in new[] { a, a, b })
        {
            var (allowed, _) = await (await PollVoter.FromAsync(client, poll.Id)).VoteAsync(client, poll.Id, option);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        var (refused, _) = await (await PollVoter.FromAsync(b, poll.Id)).VoteAsync(b, poll.Id, option);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(3, (await cluster.LoadPollAsync(poll.Id)).BallotCount);
    }

    [Fact]
    public async Task With_redis_down_a_node_signs_in_with_its_copy_of_the_key_ring_and_its_own_limit()
    {
        cluster.Require();

        // A node with Redis up makes the key ring and keeps a copy in its data folder.
        var data = cluster.NewDataFolder();
        var up = cluster.Add(data, cluster.Shared);
        var cookies = new CookieContainer();
        var form = await ClusterNodes.Client(up, cookies).GetDocumentAsync(SignInPath);
        var token = TestAccounts.AntiforgeryToken(form);

        // The same node restarted while Redis cannot be reached (nothing listens on port 1): no 500, the
        // token made before the outage is still good, and sign-ins are limited by the node alone.
        var down = ClusterNodes.Client(
            cluster.Add(data, ("Redis:Configuration", "127.0.0.1:1,connectTimeout=500"), ("Accounts:SignInRateLimit:PermitsPerMinute", "2")),
            cookies);
        for (var i = 0; i < 2; i++)
        {
            using var content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Email"] = "ai-do@example.vn",
                ["Password"] = "SaiMatKhau2026",
                ["__RequestVerificationToken"] = token,
            });
            using var allowed = await down.PostAsync(new Uri(SignInPath, UriKind.Relative), content, Ct);
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            Assert.Contains("không đúng", await allowed.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        }

        using var refused = await down.SignInAsync("ai-do@example.vn", "SaiMatKhau2026");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
    }

    [Fact]
    public async Task Without_redis_two_nodes_with_their_own_data_folders_refuse_each_others_tokens()
    {
        cluster.Require();
        var a = cluster.Alone();
        var b = cluster.Alone();
        var cookies = new CookieContainer();
        var form = await ClusterNodes.Client(a, cookies).GetDocumentAsync(SignInPath);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Email"] = "ai-do@example.vn",
            ["Password"] = "SaiMatKhau2026",
            ["__RequestVerificationToken"] = TestAccounts.AntiforgeryToken(form),
        });
        using var refused = await ClusterNodes.Client(b, cookies).PostAsync(new Uri(SignInPath, UriKind.Relative), content, Ct);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
    }
}
