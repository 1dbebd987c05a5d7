using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace Sen.Web.Infrastructure.Data;

/// <summary>
/// How saving rows of one entity type changes what readers see. Each feature registers rules for its own
/// entities (<see cref="ContentChangeRuleServiceCollectionExtensions.AddContentChangeRule{TRule}"/>), so
/// <see cref="ContentChangeInterceptor"/> stays one place that knows no feature.
/// </summary>
public interface IContentChangeRule
{
    Type EntityType { get; }

    /// <summary>An added, modified or deleted row of <see cref="EntityType"/> is being saved.</summary>
    void Saving(EntityEntry entry, ContentChange change);

    /// <summary>A writer bypassed EF (bulk SQL): any row of <see cref="EntityType"/> may have changed.</summary>
    void BulkChanged(ContentChange change);
}

/// <summary>A rule for one entity type.</summary>
public abstract class ContentChangeRule<TEntity> : IContentChangeRule
    where TEntity : class
{
    public Type EntityType => typeof(TEntity);

    void IContentChangeRule.Saving(EntityEntry entry, ContentChange change)
    {
        ArgumentNullException.ThrowIfNull(entry);
        Saving(entry, (TEntity)entry.Entity, change);
    }

    public virtual void BulkChanged(ContentChange change)
    {
    }

    protected abstract void Saving(EntityEntry entry, TEntity entity, ContentChange change);
}

public static class ContentChangeRuleServiceCollectionExtensions
{
    public static IServiceCollection AddContentChangeRule<TRule>(this IServiceCollection services)
        where TRule : class, IContentChangeRule =>
        services.AddSingleton<IContentChangeRule, TRule>();
}
