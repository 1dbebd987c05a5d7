using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using Sen.Web.Infrastructure.Data;

namespace Sen.IntegrationTests.Infrastructure;

/// <summary>
/// Sen in process on a real database of its own. Subclasses pick the provider; tests talk HTTP
/// to it or run handlers in a scope. The clock is fake, set to now, so scheduling can be tested
/// without sleeping.
/// </summary>
public abstract class SenAppFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public FakeTimeProvider Clock { get; } = new(DateTimeOffset.UtcNow);

    public abstract DatabaseProvider Provider { get; }

    /// <summary>Why this provider cannot run here, or null when it can.</summary>
    public virtual string? UnavailableReason => null;

    protected abstract string ConnectionString { get; }

    public virtual ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public new virtual async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Skips the calling test when the provider's server is missing on a developer machine; fails in CI.</summary>
    public void RequireProvider() => Requirement.Require(UnavailableReason);

    public async Task<T> InScopeAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Provider", Provider.ToString());
        builder.UseSetting("ConnectionStrings:Default", ConnectionString);
        builder.UseSetting("Database:Migrate", "true");
        builder.UseSetting("Database:SeedDemoContent", "true");

        // As in production: one public address, so made-up Host headers share the cached pages (PublicBaseUrl).
        // The feeds and SEO tests also run without it.
        builder.UseSetting("Site:PublicUrl", "http://localhost");

        // Tests search a lot from one in-process client (no address); SearchRateLimitTests set low limits.
        builder.UseSetting("Search:RateLimit:PermitsPerMinute", "1000000");
        builder.UseSetting("Search:RateLimit:SuggestionsPerMinute", "1000000");
        builder.UseSetting("Accounts:SignInRateLimit:PermitsPerMinute", "1000000");
        builder.UseSetting("Polls:VoteRateLimit:PermitsPerMinute", "1000000");
        builder.UseSetting("Api:RateLimit:PermitsPerMinute", "1000000");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            services.AddSingleton(Clock);
        });
    }
}
