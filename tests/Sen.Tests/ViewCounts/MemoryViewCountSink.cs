using Sen.Web.Features.ViewCounts;

namespace Sen.Tests.ViewCounts;

/// <summary>
/// The database as the view counter sees it, in memory: totals per article (each starting at
/// <paramref name="stored"/>) and views per article and Vietnam day. It can fail, and other nodes can add to it.
/// </summary>
internal sealed class MemoryViewCountSink(long stored) : IViewCountSink
{
    private readonly Dictionary<int, long> totals = [];
    private readonly Dictionary<(int ArticleId, DateOnly Day), long> daily = [];
    private int reads;

    /// <summary>The next writes throw, as a database that is down.</summary>
    public bool FailNext { get; set; }

    /// <summary>Reads throw, as a database that is down.</summary>
    public bool ReadsFail { get; set; }

    public int Reads => Volatile.Read(ref reads);

    public Task<IReadOnlyDictionary<int, long>> AddAsync(IReadOnlyList<ViewDelta> deltas, CancellationToken cancellationToken)
    {
        if (FailNext)
        {
            throw new InvalidOperationException("The database is down.");
        }

        lock (totals)
        {
            foreach (var delta in deltas)
            {
                Assert.Equal(delta.Views, delta.Days.Sum(d => d.Views));
                totals[delta.ArticleId] = Total(delta.ArticleId) + delta.Views;
                foreach (var day in delta.Days)
                {
                    daily[(delta.ArticleId, day.Day)] = daily.GetValueOrDefault((delta.ArticleId, day.Day)) + day.Views;
                }
            }

            return Task.FromResult<IReadOnlyDictionary<int, long>>(new Dictionary<int, long>(totals));
        }
    }

    public Task<long?> ReadAsync(int articleId, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref reads);
        if (ReadsFail)
        {
            throw new InvalidOperationException("The database is down.");
        }

        lock (totals)
        {
            return Task.FromResult<long?>(Total(articleId));
        }
    }

    /// <summary>Views another node stored.</summary>
    public void AddFromAnotherNode(int articleId, long views)
    {
        lock (totals)
        {
            totals[articleId] = Total(articleId) + views;
        }
    }

    public long Total(int articleId)
    {
        lock (totals)
        {
            return totals.GetValueOrDefault(articleId, stored);
        }
    }

    public long DailyTotal(int articleId)
    {
        lock (totals)
        {
            return daily.Where(d => d.Key.ArticleId == articleId).Sum(d => d.Value);
        }
    }

    /// <summary>The article's stored views per Vietnam day, oldest day first.</summary>
    public IReadOnlyList<(DateOnly Day, long Views)> Days(int articleId)
    {
        lock (totals)
        {
            return [.. daily.Where(d => d.Key.ArticleId == articleId).OrderBy(d => d.Key.Day).Select(d => (d.Key.Day, d.Value))];
        }
    }
}
