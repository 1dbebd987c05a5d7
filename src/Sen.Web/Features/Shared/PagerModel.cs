namespace Sen.Web.Features;

/// <summary>The model of _Pager: where the reader is in a paged list, and the URL of each page.</summary>
public sealed record PagerModel(int CurrentPage, int PageCount, Func<int, string> PageUrl)
{
    /// <summary>Page numbers to show around the current one; 0 stands for a gap.</summary>
    public IEnumerable<int> Window()
    {
        var pages = new SortedSet<int> { 1, PageCount };
        for (var p = Math.Max(1, CurrentPage - 2); p <= Math.Min(PageCount, CurrentPage + 2); p++)
        {
            pages.Add(p);
        }

        var previous = 0;
        foreach (var p in pages)
        {
            if (p - previous > 1)
            {
                yield return 0;
            }

            yield return p;
            previous = p;
        }
    }
}
