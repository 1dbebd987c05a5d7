using System.Net.Http.Headers;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Sen.IntegrationTests.Cli;
using Sen.Web;

namespace Sen.IntegrationTests.Deploy;

/// <summary>
/// deploy/nginx/sen.conf checked by nginx itself, then run for real in front of Sen on Kestrel: the
/// proxy, the forwarded client address and scheme, and the media files' long cache.
/// </summary>
public sealed class NginxSiteTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task The_site_configuration_passes_nginx_t()
    {
        using var site = NginxSite.Require();
        var media = Directory.CreateDirectory(Path.Combine(site.Folder, "media")).FullName;
        await site.WriteAsync(FreePort(), FreePort(), media, ["127.0.0.1:5001", "127.0.0.1:5002"]);
        var (exitCode, output) = await site.TestAsync();
        Assert.True(exitCode == 0, "nginx -t refused deploy/nginx/sen.conf:\n" + output);
        Assert.Contains("syntax is ok", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Nginx_proxies_to_sen_with_the_readers_address_and_scheme_and_serves_media_with_a_long_cache()
    {
        using var site = NginxSite.Require();
        var data = Directory.CreateDirectory(Path.Combine(site.Folder, "data")).FullName;
        var database = Path.Combine(data, "sen.db");
        await using var sen = SenApp.Build(
        [
            "--urls", "http://127.0.0.1:0",
            "--contentRoot", Path.Combine(SenProcess.RepositoryRoot, "src", "Sen.Web"),
            "--environment", "Testing",
            "--Database:Provider=Sqlite",
            "--ConnectionStrings:Default=" + new SqliteConnectionStringBuilder { DataSource = database },
            "--Database:Migrate=true",
            "--Database:SeedDemoContent=true",
            "--Sen:DataPath=" + data,
            "--Search:RateLimit:PermitsPerMinute=2",
        ], serve: true);
        await sen.StartAsync(Ct);
        try
        {
            var senAddress = new Uri(sen.Urls.Single());
            var https = FreePort();
            var media = Path.Combine(data, "media");
            Directory.CreateDirectory(media);
            await site.WriteAsync(FreePort(), https, media, [$"127.0.0.1:{senAddress.Port}"]);
            site.Start();
            await WaitForPortAsync(https, site);
            var origin = $"https://127.0.0.1:{https}";

            using var reader = Client(IPAddress.Parse("127.0.0.2"), site.CertificateThumbprint!);
            using var home = await reader.GetAsync(new Uri(origin + "/"), Ct);
            Assert.True(home.StatusCode == HttpStatusCode.OK, $"{home.StatusCode}\n{site.ErrorLog}");
            Assert.Contains("<html", await home.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

            // The sign-in redirect is built from the request's scheme and host: https and nginx's
            // address, as the reader asked, not Kestrel's http and port.
            using var admin = await reader.GetAsync(new Uri(origin + "/admin"), Ct);
            Assert.Equal(HttpStatusCode.Redirect, admin.StatusCode);
            Assert.StartsWith(origin + "/admin/dang-nhap", admin.Headers.Location?.ToString(), StringComparison.Ordinal);

            // Searches are limited per reader's address (2 a minute here): nginx's own address is
            // the same for every reader, so a second reader is refused unless Sen sees theirs.
            for (var i = 0; i < 2; i++)
            {
                using var allowed = await reader.GetAsync(new Uri(origin + "/tim-kiem?q=tin"), Ct);
                Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
            }

            using var limited = await reader.GetAsync(new Uri(origin + "/tim-kiem?q=tin"), Ct);
            Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
            using var other = Client(IPAddress.Parse("127.0.0.3"), site.CertificateThumbprint!);
            using var otherSearch = await other.GetAsync(new Uri(origin + "/tim-kiem?q=tin"), Ct);
            Assert.Equal(HttpStatusCode.OK, otherSearch.StatusCode);

            // Media straight from the shared folder, cached for a year; nothing else under /media.
            byte[] picture = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];
            await File.WriteAllBytesAsync(Path.Combine(media, "0a1b2c3d-anh-thu.jpg"), picture, Ct);
            await File.WriteAllBytesAsync(Path.Combine(media, ".hidden.jpg"), picture, Ct);
            using var file = await reader.GetAsync(new Uri(origin + "/media/0a1b2c3d-anh-thu.jpg"), Ct);
            Assert.True(file.StatusCode == HttpStatusCode.OK, $"{file.StatusCode}\n{site.ErrorLog}");
            Assert.Equal(picture, await file.Content.ReadAsByteArrayAsync(Ct));
            Assert.Equal("image/jpeg", file.Content.Headers.ContentType?.MediaType);
            Assert.Equal(CacheControlHeaderValue.Parse("public, max-age=31536000, immutable"), file.Headers.CacheControl);
            Assert.Contains("nosniff", file.Headers.GetValues("X-Content-Type-Options"));
            using var hidden = await reader.GetAsync(new Uri(origin + "/media/.hidden.jpg"), Ct);
            Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

            // /metrics is not served on the public address.
            using var metrics = await reader.GetAsync(new Uri(origin + "/metrics"), Ct);
            Assert.Equal(HttpStatusCode.NotFound, metrics.StatusCode);
        }
        finally
        {
            await sen.StopAsync(CancellationToken.None);
            SqliteConnection.ClearAllPools();
        }
    }

    /// <summary>A client that connects from <paramref name="local"/> (any 127.x address is this machine) and trusts the test certificate only.</summary>
    private static HttpClient Client(IPAddress local, string thumbprint)
    {
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            SslOptions = { RemoteCertificateValidationCallback = (_, certificate, _, _) => string.Equals(certificate?.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase) },
            ConnectCallback = async (context, cancellationToken) =>
            {
                var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    socket.Bind(new IPEndPoint(local, 0));
                    await socket.ConnectAsync(context.DnsEndPoint, cancellationToken);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task WaitForPortAsync(int port, NginxSite site)
    {
        for (var i = 0; i < 100; i++)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port, Ct);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100, Ct);
            }
        }

        Assert.Fail("nginx did not listen:\n" + site.ErrorLog);
    }
}
