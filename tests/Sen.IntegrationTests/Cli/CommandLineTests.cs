using System.Diagnostics;
using System.Net.Sockets;
using Sen.Web.Features.Import;

namespace Sen.IntegrationTests.Cli;

/// <summary>The program as a newcomer meets it: published or under `dotnet run`, started as a real process.</summary>
public sealed class CommandLineTests(PublishedSen sen) : IClassFixture<PublishedSen>
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);

    [Theory]
    [InlineData("--help")]
    [InlineData("search", "--help")]
    [InlineData("import", "text", "--help")]
    [InlineData("import", "pages", "--help")]
    [InlineData("text", "convert", "--help")]
    public async Task Help_is_shown_and_exits_zero(params string[] args)
    {
        using var run = await RunSenAsync(Environment(sen.NewPath("data")), args);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serve_help_explains_serving_instead_of_starting_the_server()
    {
        using var run = await RunSenAsync(Environment(sen.NewPath("data")), "serve", "--help");
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("--urls", run.Output, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Now listening", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("import", "text")]
    [InlineData("import", "text", "no-such-file.txt", "--category", "tin-co-so")]
    [InlineData("import", "pages", "no-such-folder")]
    [InlineData("import", "pages", ".", "--status", "maybe")]
    [InlineData("import", "pages", ".", "--map", "no-equals-sign")]
    [InlineData("search", "rebuild", "--no-such-option")]
    [InlineData("text", "convert", "no-such-file.txt", "--from", "tcvn3")]
    [InlineData("text", "convert", "page.txt", "--from", "latin1")]
    [InlineData("text", "convert", "page.txt")]
    [InlineData("generate", "--articles", "10")]
    [InlineData("user", "add", "--email", "a@example.vn")]
    [InlineData("user", "add", "--email", "a@example.vn", "--role", "Boss")]
    public async Task Wrong_commands_exit_non_zero_without_touching_a_database(params string[] args)
    {
        var data = sen.NewPath("data");
        using var run = await RunSenAsync(Environment(data), args);
        Assert.NotEqual(0, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(data, "sen.db")), $"sen {string.Join(' ', args)} created a database");
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("generate", "--help")]
    [InlineData("bench", "listing", "--help")]
    [InlineData("bench", "search", "--help")]
    public async Task Tool_help_is_shown_and_exits_zero(params string[] args)
    {
        using var run = await RunToolsAsync(Environment(sen.NewPath("data")), args);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate", "--articles", "many")]
    [InlineData("generate", "--articles=-1")]
    [InlineData("bench", "no-such-bench")]
    public async Task Wrong_tool_commands_exit_non_zero_without_touching_a_database(params string[] args)
    {
        var data = sen.NewPath("data");
        using var run = await RunToolsAsync(Environment(data), args);
        Assert.NotEqual(0, run.ExitCode);
        Assert.False(File.Exists(Path.Combine(data, "sen.db")), $"sen-tools {string.Join(' ', args)} created a database");
    }

    [Fact]
    public async Task Tool_generate_fills_the_configured_database_and_rebuilds_the_search_index()
    {
        var data = sen.NewPath("data");
        using var run = await RunToolsAsync(Environment(data), "generate", "--articles", "30", "--seed", "2");
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Output}\n{run.Error}");
        Assert.Contains("generated 30 bài / articles", run.Output, StringComparison.Ordinal);
        Assert.Contains("search index rebuilt", run.Output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(data, "sen.db")));
    }

    [Fact]
    public async Task Import_pages_imports_a_folder_once_and_a_second_run_finds_everything_unchanged()
    {
        var environment = Environment(sen.NewPath("data"));
        var pages = Path.Combine(AppContext.BaseDirectory, "Import", "Fixtures", "pages");
        using (var first = await RunSenAsync(environment, "import", "pages", pages))
        {
            // One page of the fixtures has no content: reported, exit code 1, the others imported.
            Assert.True(first.ExitCode == 1, $"exit {first.ExitCode}\n{first.Output}\n{first.Error}");
            Assert.Contains("Mới / imported: 7", first.Output, StringComparison.Ordinal);
            Assert.Contains("trang-trong.html", first.Output, StringComparison.Ordinal);
        }

        using var second = await RunSenAsync(environment, "import", "pages", pages);
        Assert.Contains("Mới / imported: 0", second.Output, StringComparison.Ordinal);
        Assert.Contains("Không đổi, bỏ qua / unchanged, skipped: 8", second.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task User_add_prints_an_invitation_link_and_list_and_disable_show_and_change_the_account()
    {
        var environment = Environment(sen.NewPath("data"));
        using (var add = await RunSenAsync(environment, "user", "add", "--email", "bientap@example.vn", "--role", "Writer", "--name", "Biên tập viên A"))
        {
            Assert.True(add.ExitCode == 0, add.Output);
            Assert.Matches("/admin/loi-moi/[A-Za-z0-9_-]{43}", add.Output);
        }

        using (var again = await RunSenAsync(environment, "user", "add", "--email", "bientap@example.vn", "--role", "Writer"))
        {
            Assert.NotEqual(0, again.ExitCode);
        }

        using (var list = await RunSenAsync(environment, "user", "list"))
        {
            Assert.Equal(0, list.ExitCode);
            Assert.Contains("bientap@example.vn\tBiên tập viên A\tWriter\tInvited", list.Output, StringComparison.Ordinal);
        }

        using (var disable = await RunSenAsync(environment, "user", "disable", "--email", "bientap@example.vn"))
        {
            Assert.True(disable.ExitCode == 0, disable.Output);
        }

        using var listed = await RunSenAsync(environment, "user", "list");
        Assert.Contains("bientap@example.vn\tBiên tập viên A\tWriter\tDisabled", listed.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_taken_port_is_told_in_one_line_and_a_non_zero_exit()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        using var run = await RunSenAsync(Environment(sen.NewPath("data")), "--urls", $"http://127.0.0.1:{port}");

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(Lines(run.Error));
        Assert.Contains("port in use", line, StringComparison.Ordinal);
        Assert.Contains(port.ToString(System.Globalization.CultureInfo.InvariantCulture), line, StringComparison.Ordinal);
        Assert.Contains("ASPNETCORE_URLS", line, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Theory]
    [InlineData("serve", "--urls", "http://127.0.0.1:0")]
    [InlineData("search", "rebuild")]
    public async Task A_data_folder_that_cannot_be_created_is_told_in_one_line_and_a_non_zero_exit(params string[] args)
    {
        // Under a regular file: no folder can be made there, even by root.
        var file = sen.NewPath("file");
        await File.WriteAllTextAsync(file, "", TestContext.Current.CancellationToken);

        using var run = await RunSenAsync(Environment(Path.Combine(file, "data")), args);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(Lines(run.Error));
        Assert.Contains("cannot create the data folder", line, StringComparison.Ordinal);
        Assert.Contains("Sen:DataPath", line, StringComparison.Ordinal);
        AssertNoStackTrace(run);
    }

    [Fact]
    public async Task Published_sen_started_from_another_folder_reads_its_settings_and_serves_its_stylesheet()
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = Environment(sen.NewPath("data"));
        environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        using var server = SenProcess.Start(sen.NewFolder("elsewhere"), environment, sen.SenDll);
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await WaitForHealthAsync(server, http);

        var home = Html.Parse(await http.GetStringAsync(new Uri("/", UriKind.Relative), TestContext.Current.CancellationToken));
        var stylesheet = home.QuerySelector("link[rel=stylesheet]")?.GetAttribute("href");
        Assert.NotNull(stylesheet);
        using var css = await http.GetAsync(new Uri(stylesheet, UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);

        // appsettings.json keeps ASP.NET Core's per-request log lines below the console's level.
        Assert.DoesNotContain("Request starting", server.Output + server.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("WebRootPath was not found", server.Output + server.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Under_dotnet_run_a_relative_path_is_read_from_the_folder_the_command_was_typed_in()
    {
        var work = sen.NewFolder("work");
        Directory.CreateDirectory(Path.Combine(work, "shared"));
        Directory.CreateDirectory(Path.Combine(work, "here"));
        await File.WriteAllTextAsync(Path.Combine(work, "shared", "page.txt"), DemoContentSeeder.ReadSeedText(), TestContext.Current.CancellationToken);

        using var run = await SenProcess.RunAsync(Path.Combine(work, "here"), Environment(sen.NewPath("data")), CommandTimeout,
            "run", "--no-build", "-c", SenProcess.Configuration, "--project", Path.Combine(SenProcess.RepositoryRoot, "src", "Sen.Web"),
            "--", "import", "text", "../shared/page.txt", "--category", "cong-tac-dan-van");

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Output}\n{run.Error}");
        Assert.Contains("Mới / imported: 1", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_import_run_beside_a_serving_node_without_redis_is_on_its_cached_category_page_within_seconds()
    {
        var baseAddress = new Uri($"http://127.0.0.1:{FreePort()}");
        var environment = Environment(sen.NewPath("data"));
        environment["ASPNETCORE_URLS"] = baseAddress.ToString().TrimEnd('/');
        using var server = SenProcess.Start(sen.NewFolder("serving"), environment, sen.SenDll);
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(10) };
        await WaitForHealthAsync(server, http);

        // The category page is rendered and kept (output cache, listing in memory: 60 s and 30 s).
        var category = new Uri("/cong-tac-dan-van", UriKind.Relative);
        var title = "Bài nhập khi cổng đang chạy " + Guid.NewGuid().ToString("N")[..8];
        Assert.DoesNotContain(title, await http.GetStringAsync(category, TestContext.Current.CancellationToken), StringComparison.Ordinal);

        var seed = DemoContentSeeder.ReadSeedText();
        var page = Path.Combine(sen.NewFolder("pages"), "trang.txt");
        await File.WriteAllTextAsync(page, seed.Replace(LegacyPageParser.Parse(seed).Page!.Title, title, StringComparison.Ordinal), TestContext.Current.CancellationToken);
        using var run = await RunSenAsync(environment, "import", "text", page, "--category", "cong-tac-dan-van");
        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Output}\n{run.Error}");

        // The serving node reads the content stamps every 2 s.
        var clock = Stopwatch.StartNew();
        while (!(await http.GetStringAsync(category, TestContext.Current.CancellationToken)).Contains(title, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(6), "The imported article is not on the serving node's category page after 6 s.");
            await Task.Delay(200, TestContext.Current.CancellationToken);
        }
    }

    [Fact]
    public async Task Text_convert_turns_a_tcvn3_file_into_utf8_unicode()
    {
        var folder = sen.NewFolder("convert");
        var input = Path.Combine(folder, "van-ban-cu.txt");
        var output = Path.Combine(folder, "van-ban-moi.txt");
        await File.WriteAllBytesAsync(input, System.Text.Encoding.Latin1.GetBytes("Céng hoµ x· héi chñ nghÜa ViÖt Nam"), TestContext.Current.CancellationToken);

        using var run = await RunSenAsync(Environment(sen.NewPath("data")), "text", "convert", input, "--from", "tcvn3", "--out", output);

        Assert.True(run.ExitCode == 0, $"exit {run.ExitCode}\n{run.Output}\n{run.Error}");
        Assert.Equal("Cộng hoà xã hội chủ nghĩa Việt Nam", await File.ReadAllTextAsync(output, TestContext.Current.CancellationToken));
    }

    private Task<SenProcess> RunSenAsync(Dictionary<string, string> environment, params string[] args) =>
        SenProcess.RunAsync(sen.NewFolder("cwd"), environment, CommandTimeout, [sen.SenDll, .. args]);

    private Task<SenProcess> RunToolsAsync(Dictionary<string, string> environment, params string[] args) =>
        SenProcess.RunAsync(sen.NewFolder("cwd"), environment, CommandTimeout, [sen.ToolsDll, .. args]);

    private static Dictionary<string, string> Environment(string dataPath) => new()
    {
        ["Sen__DataPath"] = dataPath,
        ["Database__Provider"] = "Sqlite",
        ["ConnectionStrings__Default"] = "",
    };

    private static string[] Lines(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static void AssertNoStackTrace(SenProcess run)
    {
        var all = run.Output + run.Error;
        Assert.DoesNotContain("Unhandled exception", all, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", all, StringComparison.Ordinal);
    }

    private static async Task WaitForHealthAsync(SenProcess server, HttpClient http)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(90))
        {
            Assert.False(server.HasExited, $"Sen exited before answering /healthz:\n{server.Output}\n{server.Error}");
            try
            {
                using var response = await http.GetAsync(new Uri("/healthz", UriKind.Relative), TestContext.Current.CancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!TestContext.Current.CancellationToken.IsCancellationRequested)
            {
                // Listening, but still starting (migrations, demo content) on a busy machine: ask again until the deadline.
            }

            await Task.Delay(200, TestContext.Current.CancellationToken);
        }

        Assert.Fail($"Sen did not answer /healthz within 90 s:\n{server.Output}\n{server.Error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
