using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Sen.Web.Features.Categories;
using Sen.Web.Infrastructure.Data;
using Sen.Web.Text;

namespace Sen.IntegrationTests.Categories;

/// <summary>No category may take a path the app itself answers.</summary>
public abstract class CategorySlugTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : SenAppFactory
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Every_first_path_segment_the_app_routes_is_a_reserved_category_slug()
    {
        factory.RequireProvider();
        var segments = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.PathSegments is [{ Parts: [RoutePatternLiteralPart] }, ..])
            .Select(e => ((RoutePatternLiteralPart)e.RoutePattern.PathSegments[0].Parts[0]).Content)
            .Distinct(StringComparer.Ordinal)
            .ToList();

        // The search page, the error pages and the stylesheet folder at least: the walk must see real routes.
        Assert.Contains("tim-kiem", segments);
        Assert.Contains("loi", segments);
        Assert.Contains("css", segments);
        var unreserved = segments.Where(s => Slug.IsWellFormed(s) && !CategorySlugs.Reserved.Contains(s)).ToList();
        Assert.True(unreserved.Count == 0, "Routes a category slug could shadow: " + string.Join(", ", unreserved));
    }

    [Theory]
    [InlineData("tim-kiem", "Category.Slug.Reserved")]
    [InlineData("admin", "Category.Slug.Reserved")]
    [InlineData("van-ban", "Category.Slug.Reserved")]
    [InlineData("css", "Category.Slug.Reserved")]
    [InlineData("Tin Tức", "Category.Slug.Invalid")]
    [InlineData("tin--tuc", "Category.Slug.Invalid")]
    [InlineData("../admin", "Category.Slug.Invalid")]
    public async Task A_reserved_or_malformed_slug_is_refused_with_a_message_and_nothing_is_stored(string slug, string problem)
    {
        factory.RequireProvider();
        var before = await CountAsync();
        var result = await CreateAsync(new CreateCategory.Command("Chuyên mục thử", slug));
        Assert.False(result.Created);
        Assert.Equal(problem, result.ProblemKey);
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task A_name_that_would_make_a_reserved_slug_needs_another_slug()
    {
        factory.RequireProvider();
        var result = await CreateAsync(new CreateCategory.Command("Tìm kiếm"));
        Assert.Equal("Category.Slug.Reserved", result.ProblemKey);
        Assert.Equal("tim-kiem-chuyen-muc", CategorySlugs.ForName("Tìm kiếm"));
    }

    [Fact]
    public async Task A_new_category_gets_its_slug_from_its_name_and_a_taken_slug_is_a_conflict()
    {
        factory.RequireProvider();
        var created = await CreateAsync(new CreateCategory.Command("  Xây dựng Đảng ở cơ sở "));
        Assert.True(created.Created, created.ProblemKey);
        var slug = await factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Categories
            .Where(c => c.Id == created.CategoryId).Select(c => c.Slug).SingleAsync(Ct));
        Assert.Equal("xay-dung-dang-o-co-so", slug);

        var again = await CreateAsync(new CreateCategory.Command("Xây dựng Đảng ở cơ sở"));
        Assert.False(again.Created);
        Assert.True(again.Conflict);
        Assert.Equal("Category.Slug.Taken", again.ProblemKey);

        var page = await factory.CreateClient().GetAsync("/xay-dung-dang-o-co-so", Ct);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_name_is_refused(string name)
    {
        factory.RequireProvider();
        var result = await CreateAsync(new CreateCategory.Command(name, "ten-rong"));
        Assert.Equal("Category.Name.Invalid", result.ProblemKey);
    }

    private Task<CreateCategory.Result> CreateAsync(CreateCategory.Command command) =>
        factory.InScopeAsync(sp => sp.GetRequiredService<CreateCategory>().HandleAsync(command, Ct));

    private Task<int> CountAsync() =>
        factory.InScopeAsync(sp => sp.GetRequiredService<SenDbContext>().Categories.CountAsync(Ct));
}

public sealed class SqliteCategorySlugTests(SqliteAppFactory factory) : CategorySlugTests<SqliteAppFactory>(factory);

public sealed class PostgresCategorySlugTests(PostgresAppFactory factory) : CategorySlugTests<PostgresAppFactory>(factory);
