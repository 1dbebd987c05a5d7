using System.Globalization;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Npgsql;
using Sen.IntegrationTests.Deploy;
using StackExchange.Redis;

namespace Sen.IntegrationTests.Cluster.Processes;

/// <summary>
/// Two real Sen processes (A and B) on one fresh PostgreSQL database and one Redis, behind a real nginx
/// (deploy/nginx/sen.conf, upstream with both nodes), as an operator sets them up. A migrates and seeds
/// the demo content first; B starts once A is ready. Each node has its own data and home folder, so only
/// PostgreSQL, Redis and the media folder (NFS in production) are shared. Everything is stopped by the
/// handle that started it; the database and the Redis keys are removed afterwards.
/// </summary>
public sealed partial class SenCluster : IAsyncLifetime
{
    /// <summary>A browser's User-Agent: readers' GETs count as views, crawlers' do not.</summary>
    public const string Browser = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    private readonly DirectoryInfo root = Directory.CreateTempSubdirectory("sen-cluster-");
    private readonly string database = $"sen_cluster_{Guid.NewGuid():N}";
    private readonly string redisPrefix = $"sen-cluster-{Guid.NewGuid():N}:";
    private readonly HttpClient probe = new() { Timeout = TimeSpan.FromSeconds(10) };
    private string? admin;
    private string? redis;
    private bool databaseCreated;

    public ClusterNode A { get; private set; } = null!;

    public ClusterNode B { get; private set; } = null!;

    public NginxSite Nginx { get; private set; } = null!;

    /// <summary>nginx's TLS address, the site's public address.</summary>
    public Uri PublicOrigin { get; private set; } = null!;

    /// <summary>Why the cluster cannot run here (a server or nginx missing), or null.</summary>
    public string? Missing { get; private set; }

    public string ConnectionString => new NpgsqlConnectionStringBuilder(admin) { Database = database }.ToString();

    /// <summary>Skips the calling test when PostgreSQL, Redis or nginx is missing on a developer machine; fails under CI=true.</summary>
    public void Require() => Requirement.Require(Missing);

    public async ValueTask InitializeAsync()
    {
        admin = TestServer.Postgres.Value;
        redis = TestServer.Redis.Value;
        Missing = TestServer.Postgres.Missing ?? TestServer.Redis.Missing ?? NginxSite.Missing;

        if (Missing is not null)
        {
            return;
        }

        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database}\" ENCODING 'UTF8' TEMPLATE template0", connection);
            await create.ExecuteNonQueryAsync();
            databaseCreated = true;
        }

        var media = Directory.CreateDirectory(Path.Combine(root.FullName, "media")).FullName;
        var httpsPort = FreePort();
        PublicOrigin = new Uri($"https://127.0.0.1:{httpsPort}");
        A = NewNode("a", media);
        B = NewNode("b", media);

        // A migrates the database and seeds the demo content; B finds both done.
        await A.StartAsync(probe);
        await B.StartAsync(probe);

        Nginx = NginxSite.Require();
        await Nginx.WriteAsync(FreePort(), httpsPort, media, [A.Upstream, B.Upstream]);

        // Which node answered, for the kill test: nginx's last upstream address (after a retry, "A, B").
        var site = Path.Combine(Nginx.Folder, "sen.conf");
        var text = await File.ReadAllTextAsync(site);
        Assert.Contains("proxy_pass http://sen;", text, StringComparison.Ordinal);
        await File.WriteAllTextAsync(site, text.Replace("proxy_pass http://sen;", "proxy_pass http://sen;\n        add_header X-Upstream $upstream_addr always;", StringComparison.Ordinal));
        var (exitCode, output) = await Nginx.TestAsync();
        Assert.True(exitCode == 0, "nginx -t refused the cluster's configuration:\n" + output);
        Nginx.Start();
        await WaitForPortAsync(httpsPort);
    }

    public async ValueTask DisposeAsync()
    {
        Nginx?.Dispose();
        A?.Dispose();
        B?.Dispose();
        probe.Dispose();
        if (databaseCreated)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(admin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        if (redis is not null && Missing is null)
        {
            await DeleteRedisKeysAsync();
        }

        try
        {
            root.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    /// <summary>Starts <paramref name="node"/> again after a kill, and waits until it is ready.</summary>
    public Task RestartAsync(ClusterNode node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return node.StartAsync(probe);
    }

    /// <summary>Both nodes' logs and nginx's error log, for a failure message.</summary>
    public string Logs() => string.Join("\n", A?.LogTail() ?? "", B?.LogTail() ?? "", "---- nginx error.log ----", Nginx?.ErrorLog ?? "");

    /// <summary>Runs <paramref name="test"/>; a failure carries both nodes' logs and nginx's.</summary>
    public async Task WithLogsAsync(Func<Task> test)
    {
        ArgumentNullException.ThrowIfNull(test);
        try
        {
            await test();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            throw new Xunit.Sdk.XunitException(e.Message + "\n\n" + Logs(), e);
        }
    }

    /// <summary>A client of one node (redirects shown, not followed), sharing <paramref name="cookies"/> with others.</summary>
    public static HttpClient Client(ClusterNode node, CookieContainer? cookies = null)
    {
        ArgumentNullException.ThrowIfNull(node);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = true,
            CookieContainer = cookies ?? new CookieContainer(),
            PooledConnectionLifetime = TimeSpan.FromMinutes(1),
        };
        var client = new HttpClient(handler) { BaseAddress = node.Address, Timeout = TimeSpan.FromSeconds(60) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        return client;
    }

    /// <summary>A client of nginx's TLS address that trusts the test certificate only.</summary>
    public HttpClient PublicClient(int connections = 64)
    {
        var thumbprint = Nginx.CertificateThumbprint!;
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseCookies = false,
            MaxConnectionsPerServer = connections,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => string.Equals(certificate?.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase) },
        };
        var client = new HttpClient(handler) { BaseAddress = PublicOrigin, Timeout = TimeSpan.FromSeconds(30) };
        client.DefaultRequestHeaders.UserAgent.ParseAdd(Browser);
        return client;
    }

    /// <summary>A new newsroom account with <paramref name="role"/> made with `sen user add` on the shared database; returns its invitation path.</summary>
    public async Task<(string Email, string InvitationPath)> InviteAsync(string role)
    {
        var email = $"{role.ToLowerInvariant()}-{Guid.NewGuid():N}@example.vn";
        var output = await A.RunCommandAsync("user", "add", "--email", email, "--role", role);
        var link = InvitationLink().Match(output);
        Assert.True(link.Success, "sen user add printed no invitation link:\n" + output);
        return (email, link.Value);
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var result = await command.ExecuteScalarAsync(TestContext.Current.CancellationToken);
        return (T)Convert.ChangeType(result!, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>The stored total of an article's views (Articles.ViewCount).</summary>
    public Task<long> StoredViewsAsync(int articleId) =>
        ScalarAsync<long>("SELECT \"ViewCount\" FROM \"Articles\" WHERE \"Id\" = @id", ("id", articleId));

    /// <summary>The published article at <paramref name="index"/> by id, and its public path: each test takes its own.</summary>
    public async Task<(int Id, string Path, string Title)> ArticleAsync(int index)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = new NpgsqlCommand(
            """
            SELECT a."Id", a."Slug", c."Slug", a."Title" FROM "Articles" a JOIN "Categories" c ON c."Id" = a."CategoryId"
            WHERE a."Status" = @published ORDER BY a."Id" OFFSET @index LIMIT 1
            """, connection);
        command.Parameters.AddWithValue("published", (int)Sen.Web.Features.Articles.ArticleStatus.Published);
        command.Parameters.AddWithValue("index", index);
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        Assert.True(await reader.ReadAsync(TestContext.Current.CancellationToken), $"no published article at {index}");
        var id = reader.GetInt32(0);
        return (id, Sen.Web.Features.Articles.ArticleUrls.Article(reader.GetString(2), reader.GetString(1), id), reader.GetString(3));
    }

    private ClusterNode NewNode(string name, string media)
    {
        var folder = Directory.CreateDirectory(Path.Combine(root.FullName, name)).FullName;
        var home = Directory.CreateDirectory(Path.Combine(folder, "home")).FullName;
        var environment = new Dictionary<string, string>
        {
            // Separate machines: a home folder of its own, so nothing (a Data Protection key ring in
            // ~/.aspnet, for one) is shared through the disk that production nodes would not share.
            ["HOME"] = home,
            ["DOTNET_CLI_HOME"] = home,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Default"] = ConnectionString,
            ["Database__Migrate"] = "true",
            ["Database__SeedDemoContent"] = "true",
            ["Sen__DataPath"] = Path.Combine(folder, "data"),
            ["Media__Path"] = media,
            ["Redis__Configuration"] = redis!,
            ["Redis__InstanceName"] = redisPrefix,
            ["Site__PublicUrl"] = PublicOrigin.ToString().TrimEnd('/'),

            // One newsroom account publishes what it wrote (a small site's setting), so one sign-in does.
            ["Workflow__AllowSelfApproval"] = "true",

            // The tests send many requests from one address; the limits themselves are tested elsewhere.
            ["Search__RateLimit__PermitsPerMinute"] = "1000000",
            ["Search__RateLimit__SuggestionsPerMinute"] = "1000000",
            ["Accounts__SignInRateLimit__PermitsPerMinute"] = "1000000",
            ["Polls__VoteRateLimit__PermitsPerMinute"] = "1000000",
            ["Api__RateLimit__PermitsPerMinute"] = "1000000",
            ["Logging__LogLevel__Default"] = "Information",
        };
        return new ClusterNode(name, FreePort(), folder, environment);
    }

    private async Task DeleteRedisKeysAsync()
    {
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(redis!);
            var db = connection.GetDatabase();
            foreach (var endpoint in connection.GetEndPoints())
            {
                var server = connection.GetServer(endpoint);
                await foreach (var key in server.KeysAsync(pattern: redisPrefix + "*"))
                {
                    await db.KeyDeleteAsync(key);
                }
            }
        }
        catch (RedisException)
        {
            // The keys of a test that could not reach Redis are left to their expiry.
        }
    }

    private async Task WaitForPortAsync(int port)
    {
        for (var i = 0; i < 200; i++)
        {
            try
            {
                using var connect = new TcpClient();
                await connect.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        Assert.Fail("nginx did not listen:\n" + Nginx.ErrorLog);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex("/admin/loi-moi/[A-Za-z0-9_-]{43}")]
    private static partial Regex InvitationLink();
}
