using System.Diagnostics;
using System.Security.Cryptography.X509Certificates;
using System.Text.RegularExpressions;
using Sen.IntegrationTests.Cli;

namespace Sen.IntegrationTests.Deploy;

/// <summary>
/// deploy/nginx/sen.conf made runnable here: a self-signed certificate, loopback ports, a media folder
/// and an upstream in a temporary folder, wrapped in a main nginx.conf of its own.
/// </summary>
public sealed partial class NginxSite : IDisposable
{
    private readonly DirectoryInfo folder = Directory.CreateTempSubdirectory("sen-nginx-");
    private Process? server;

    private NginxSite(string nginx)
    {
        Nginx = nginx;
    }

    public string Nginx { get; }

    public string Folder => folder.FullName;

    public string MainConfig => Path.Combine(Folder, "nginx.conf");

    /// <summary>The self-signed certificate's SHA-1 thumbprint, the only one a test client accepts.</summary>
    public string? CertificateThumbprint { get; private set; }

    /// <summary>Why nginx cannot run here (it or openssl is not installed), or null.</summary>
    public static string? Missing => Which("nginx", "/usr/sbin/nginx") is null || Which("openssl", "/usr/bin/openssl") is null
        ? "nginx or openssl is not installed (apt-get install nginx openssl)"
        : null;

    /// <summary>nginx and openssl, or the test skips (fails under CI=true).</summary>
    public static NginxSite Require()
    {
        Requirement.Require(Missing);
        return new NginxSite(Which("nginx", "/usr/sbin/nginx")!);
    }

    /// <summary>Writes the certificate and configuration: nginx on <paramref name="httpsPort"/> (TLS) and <paramref name="httpPort"/>, Sen at <paramref name="upstreams"/>.</summary>
    public async Task WriteAsync(int httpPort, int httpsPort, string mediaFolder, IEnumerable<string> upstreams)
    {
        var cert = Path.Combine(Folder, "fullchain.pem");
        var key = Path.Combine(Folder, "privkey.pem");
        var openssl = await RunAsync("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost", "-keyout", key, "-out", cert);
        Assert.True(openssl.ExitCode == 0, "openssl failed: " + openssl.Output);
        using (var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(cert, TestContext.Current.CancellationToken)))
        {
            CertificateThumbprint = certificate.Thumbprint;
        }

        var deploy = Path.Combine(SenProcess.RepositoryRoot, "deploy", "nginx");
        var site = await File.ReadAllTextAsync(Path.Combine(deploy, "sen.conf"), TestContext.Current.CancellationToken);
        site = site
            .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{httpsPort} ssl http2;", StringComparison.Ordinal)
            .Replace("listen 80;", $"listen 127.0.0.1:{httpPort};", StringComparison.Ordinal)
            .Replace("/etc/nginx/tls/fullchain.pem", cert, StringComparison.Ordinal)
            .Replace("/etc/nginx/tls/privkey.pem", key, StringComparison.Ordinal)
            .Replace("/var/lib/sen/media/", Path.TrimEndingDirectorySeparator(mediaFolder) + "/", StringComparison.Ordinal)
            .Replace("/var/www/letsencrypt", Folder, StringComparison.Ordinal);
        site = Ipv6Listen().Replace(site, "");
        Assert.DoesNotContain("listen 443", site, StringComparison.Ordinal);
        Assert.DoesNotContain("/var/lib/sen", site, StringComparison.Ordinal);

        var upstream = await File.ReadAllTextAsync(Path.Combine(deploy, "upstream.conf"), TestContext.Current.CancellationToken);
        var servers = string.Join("\n", upstreams.Select(u => $"    server {u} max_fails=3 fail_timeout=10s;"));
        upstream = UpstreamServers().Replace(upstream, servers + "\n");

        await File.WriteAllTextAsync(Path.Combine(Folder, "sen.conf"), site, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(Path.Combine(Folder, "upstream.conf"), upstream, TestContext.Current.CancellationToken);
        await File.WriteAllTextAsync(MainConfig, $$"""
            {{(Environment.UserName == "root" ? "user root;" : "")}}
            daemon off;
            worker_processes 1;
            pid {{Folder}}/nginx.pid;
            error_log {{Folder}}/error.log warn;
            events { worker_connections 256; }
            http {
                access_log off;
                client_body_temp_path {{Folder}}/client_body;
                proxy_temp_path {{Folder}}/proxy;
                fastcgi_temp_path {{Folder}}/fastcgi;
                uwsgi_temp_path {{Folder}}/uwsgi;
                scgi_temp_path {{Folder}}/scgi;
                include {{Folder}}/upstream.conf;
                include {{Folder}}/sen.conf;
            }
            """, TestContext.Current.CancellationToken);
    }

    /// <summary>`nginx -t`: the exit code and what it said.</summary>
    public Task<(int ExitCode, string Output)> TestAsync() => RunAsync(Nginx, "-t", "-p", Folder, "-c", MainConfig);

    public void Start()
    {
        var start = new ProcessStartInfo(Nginx) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in new[] { "-p", Folder, "-c", MainConfig })
        {
            start.ArgumentList.Add(argument);
        }

        server = Process.Start(start) ?? throw new InvalidOperationException("nginx did not start");
    }

    public string ErrorLog => File.Exists(Path.Combine(Folder, "error.log")) ? File.ReadAllText(Path.Combine(Folder, "error.log")) : "";

    public void Dispose()
    {
        if (server is { HasExited: false })
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit(10_000);
        }

        server?.Dispose();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException(program + " did not start");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await output + await error);
    }

    private static string? Which(string name, string usual)
    {
        if (File.Exists(usual))
        {
            return usual;
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':')
            .Select(p => Path.Combine(p, name)).FirstOrDefault(File.Exists);
    }

    [GeneratedRegex(@"^\s*listen \[::\]:\d+[^;\n]*;\r?\n", RegexOptions.Multiline)]
    private static partial Regex Ipv6Listen();

    [GeneratedRegex(@"(    server [^\n]+;\n)+")]
    private static partial Regex UpstreamServers();
}
