using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Matching;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Articles;
using Sen.Web.Infrastructure.Caching;

namespace Sen.IntegrationTests.Errors;

/// <summary>
/// A fault anywhere in the pipeline, the ready-page fast path and routing included, gets the Vietnamese
/// 500 page, whatever the request's method.
/// </summary>
public abstract class ServerErrorTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private const string FaultyPath = "/duong-dan-gay-loi";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_fault_in_the_ready_page_fast_path_gets_the_vietnamese_500_page()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<IScheduledEvictions>(sp => new FailsOnce(sp.GetRequiredService<PublicationSchedule>()))));
        var client = app.CreateClient();

        // The fast path asks the schedule first, before the page is looked up.
        using var failed = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        await AssertServerErrorPageAsync(failed);

        using var next = await client.GetAsync(new Uri("/", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task A_fault_in_routing_gets_the_vietnamese_500_page_for_any_method()
    {
        factory.RequireProvider();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureTestServices(services =>
            services.AddSingleton<MatcherPolicy, FaultOnPath>()));
        var client = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post, HttpMethod.Put, HttpMethod.Delete })
        {
            // A form post without an antiforgery token, as a failed form would re-execute.
            using var request = new HttpRequestMessage(method, FaultyPath);
            if (method != HttpMethod.Get)
            {
                request.Content = new FormUrlEncodedContent([new("ten", "Nguyễn Văn A")]);
            }

            using var response = await client.SendAsync(request, Ct);
            await AssertServerErrorPageAsync(response);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/", UriKind.Relative), Ct)).StatusCode);
    }

    private static async Task AssertServerErrorPageAsync(HttpResponseMessage response)
    {
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.InternalServerError, $"{response.RequestMessage?.Method} answered {(int)response.StatusCode}");
        Assert.Equal(new MediaTypeHeaderValue("text/html") { CharSet = "utf-8" }, response.Content.Headers.ContentType);
        Assert.Equal("Hệ thống đang gặp sự cố", Html.Parse(html).QuerySelector("h1").Text());
        Assert.DoesNotContain("Exception", html, StringComparison.Ordinal);
    }

    /// <summary>The real schedule, except that its first check throws, as a bug would.</summary>
    private sealed class FailsOnce(PublicationSchedule schedule) : IScheduledEvictions
    {
        private int calls;

        public ValueTask EvictIfDueAsync(CancellationToken cancellationToken) =>
            Interlocked.Increment(ref calls) == 1
                ? throw new InvalidOperationException("Fault injected by the test.")
                : schedule.EvictIfDueAsync(cancellationToken);
    }

    /// <summary>Makes routing throw for one path, as a faulty route constraint or matcher policy would.</summary>
    private sealed class FaultOnPath : MatcherPolicy, IEndpointSelectorPolicy
    {
        public override int Order => int.MinValue;

        public bool AppliesToEndpoints(IReadOnlyList<Endpoint> endpoints) => true;

        public Task ApplyAsync(HttpContext httpContext, CandidateSet candidates) =>
            httpContext.Request.Path == FaultyPath
                ? throw new InvalidOperationException("Fault injected by the test.")
                : Task.CompletedTask;
    }
}

public sealed class SqliteServerErrorTests(SqliteAppFactory factory) : ServerErrorTests<SqliteAppFactory>(factory);

public sealed class PostgresServerErrorTests(PostgresAppFactory factory) : ServerErrorTests<PostgresAppFactory>(factory);
