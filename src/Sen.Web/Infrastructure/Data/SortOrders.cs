namespace Sen.Web.Infrastructure.Data;

/// <summary>Moving one row up or down among its siblings (categories under one parent, a site's links).</summary>
public static class SortOrders
{
    /// <summary>
    /// Numbers <paramref name="siblings"/> (in their shown order) 1..n, so that equal or missing orders
    /// cannot make a move do nothing, then swaps <paramref name="item"/> with its neighbour. False at either end.
    /// </summary>
    public static bool Move<T>(IReadOnlyList<T> siblings, T item, bool up, Func<T, int> get, Action<T, int> set)
    {
        ArgumentNullException.ThrowIfNull(siblings);
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(set);
        var ordered = siblings.ToList();
        var index = ordered.IndexOf(item);
        var other = up ? index - 1 : index + 1;
        if (index < 0 || other < 0 || other >= ordered.Count)
        {
            return false;
        }

        (ordered[index], ordered[other]) = (ordered[other], ordered[index]);
        for (var i = 0; i < ordered.Count; i++)
        {
            if (get(ordered[i]) != i + 1)
            {
                set(ordered[i], i + 1);
            }
        }

        return true;
    }
}
