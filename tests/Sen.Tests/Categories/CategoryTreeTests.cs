using Sen.Web.Features.Categories;

namespace Sen.Tests.Categories;

public sealed class CategoryTreeTests
{
    [Fact]
    public void WithDescendants_lists_the_category_then_its_subtree_breadth_first()
    {
        (int Id, int? ParentId)[] tree = [(1, null), (2, 1), (3, 1), (4, 2), (5, null), (6, 5)];
        Assert.Equal([1, 2, 3, 4], CategoryTree.WithDescendants(1, tree, c => c.Id, c => c.ParentId));
        Assert.Equal([2, 4], CategoryTree.WithDescendants(2, tree, c => c.Id, c => c.ParentId));
        Assert.Equal([6], CategoryTree.WithDescendants(6, tree, c => c.Id, c => c.ParentId));
    }

    [Fact]
    public void WithDescendants_stops_on_a_cycle()
    {
        (int Id, int? ParentId)[] cyclic = [(1, 2), (2, 1)];
        Assert.Equal([1, 2], CategoryTree.WithDescendants(1, cyclic, c => c.Id, c => c.ParentId));
    }
}
