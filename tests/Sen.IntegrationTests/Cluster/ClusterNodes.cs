using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Polls;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Cluster;

/// <summary>
/// Nodes of one site in process: the factory's database, one Redis (SEN_TEST_REDIS) under a key prefix of
/// this test's own, and each node its own data folder, so nothing is shared except through the database and Redis.
/// </summary>
public sealed class ClusterNodes(SenAppFactory factory) : IAsyncDisposable
{
    private readonly List<WebApplicationFactory<Program>> nodes = [];
    private readonly List<string> folders = [];

    /// <summary>This test's Redis:InstanceName: no other test sees its keys.</summary>
    public string InstanceName { get; } = $"sen-test-{Guid.NewGuid():N}:";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Skips on a developer machine without PostgreSQL or Redis; fails under CI=true.</summary>
    public void Require()
    {
        factory.RequireProvider();
        TestServer.Redis.Require();
    }

    /// <summary>A node on the shared Redis, with <paramref name="settings"/> on top.</summary>
    public WebApplicationFactory<Program> Node(params (string Key, string Value)[] settings) =>
        Alone([.. Shared, .. settings]);

    /// <summary>The settings of a node on the shared Redis.</summary>
    public (string Key, string Value)[] Shared => [("Redis:Configuration", TestServer.Redis.Value!), ("Redis:InstanceName", InstanceName)];

    /// <summary>A node with only <paramref name="settings"/> (no Redis unless they name one) and a data folder of its own.</summary>
    public WebApplicationFactory<Program> Alone(params (string Key, string Value)[] settings)
    {
        return Add(NewDataFolder(), settings);
    }

    /// <summary>An empty data folder for a node, deleted with the nodes.</summary>
    public string NewDataFolder()
    {
        var data = Path.Combine(Path.GetTempPath(), "sen-tests", "node-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(data);
        folders.Add(data);
        return data;
    }

    /// <summary>A node on <paramref name="dataFolder"/> (as a restarted node finds its own folder again).</summary>
    public WebApplicationFactory<Program> Add(string dataFolder, params (string Key, string Value)[] settings)
    {
        var node = factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("Sen:DataPath", dataFolder);
            foreach (var (key, value) in settings)
            {
                b.UseSetting(key, value);
            }
        });
        nodes.Add(node);
        return node;
    }

    /// <summary>A client of <paramref name="node"/> that keeps its cookies in <paramref name="cookies"/> and shows redirects.</summary>
    public static HttpClient Client(WebApplicationFactory<Program> node, CookieContainer cookies) =>
        node.CreateDefaultClient(new CookieContainerHandler(cookies));

    /// <summary>An open poll of the default site, four options, written straight to the database.</summary>
    public Task<Poll> CreatePollAsync() => factory.InScopeAsync(async sp =>
    {
        var db = sp.GetRequiredService<SenDbContext>();
        var siteId = await db.Sites.OrderBy(s => s.Id).Select(s => s.Id).FirstAsync(Ct);
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var poll = new Poll
        {
            SiteId = siteId,
            Question = "Câu hỏi nhiều nút " + Guid.NewGuid().ToString("N")[..8],
            Kind = PollKind.SingleChoice,
            Status = PollStatus.Open,
            OpensAt = now.AddYears(-1),
            CreatedAt = now,
            UpdatedAt = now,
            Options = [.. new[] { "Một", "Hai", "Ba", "Bốn" }.Select((t, i) => new PollOption { Text = t, SortOrder = i + 1 })],
        };
        db.Polls.Add(poll);
        await db.SaveChangesAsync(Ct);
        return poll;
    });

    public Task<Poll> LoadPollAsync(int id) => factory.InScopeAsync(async sp =>
        await sp.GetRequiredService<SenDbContext>().Polls.AsNoTracking().Include(p => p.Options).FirstAsync(p => p.Id == id, Ct));

    public async ValueTask DisposeAsync()
    {
        foreach (var node in nodes)
        {
            await node.DisposeAsync();
        }

        foreach (var folder in folders)
        {
            try
            {
                Directory.Delete(folder, recursive: true);
            }
            catch (IOException)
            {
                // A node's files can outlive it for a moment; the temp folder is cleaned by the system.
            }
        }
    }
}

/// <summary>A reader as the poll script is: an antiforgery token and its cookie (plus the vote cookie once voted), sent with each vote.</summary>
public sealed record PollVoter(string Cookies, string Token)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Gets a token the way the sidebar script does, from <paramref name="client"/>'s node.</summary>
    public static async Task<PollVoter> FromAsync(HttpClient client, int pollId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var response = await client.GetAsync(new Uri(PollUrls.Vote(pollId) + "?handler=Token", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        var cookies = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        return new PollVoter(cookies, json.GetProperty("token").GetString()!);
    }

    /// <summary>Votes for <paramref name="optionId"/>; a vote cookie in the answer is kept for the next vote.</summary>
    public async Task<(HttpResponseMessage Response, PollVoter Voter)> VoteAsync(HttpClient client, int pollId, int optionId)
    {
        ArgumentNullException.ThrowIfNull(client);
        using var request = new HttpRequestMessage(HttpMethod.Post, PollUrls.Vote(pollId))
        {
            Content = new FormUrlEncodedContent([new("lua-chon", optionId.ToString(System.Globalization.CultureInfo.InvariantCulture))]),
        };
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("Cookie", Cookies);
        request.Headers.Add("RequestVerificationToken", Token);
        var response = await client.SendAsync(request, Ct);
        var voteCookie = response.Headers.TryGetValues("Set-Cookie", out var set)
            ? set.Select(c => c.Split(';')[0]).FirstOrDefault(c => c.StartsWith(PollVoteCookie.Name + "=", StringComparison.Ordinal))
            : null;
        return (response, voteCookie is null ? this : this with { Cookies = Cookies + "; " + voteCookie });
    }
}
