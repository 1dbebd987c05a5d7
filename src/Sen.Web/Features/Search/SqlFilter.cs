using System.Data.Common;
using System.Globalization;
using System.Text;

namespace Sen.Web.Features.Search;

/// <summary>The WHERE clause both backends share; values travel as parameters only.</summary>
internal static class SqlFilter
{
    public static void Append(StringBuilder sql, DbCommand command, SearchFilter filter, Func<string, string> column)
    {
        AppendCondition(sql, filter, column);
        AddParameters(command, filter);
    }

    /// <summary>The condition alone, for a second use in one command whose parameters <see cref="Append"/> already added.</summary>
    public static void AppendCondition(StringBuilder sql, SearchFilter filter, Func<string, string> column)
    {
        sql.Append(" AND ").Append(column("SiteId")).Append(" = @site AND ").Append(column("PublishedAt")).Append(" <= @now");
        if (filter.FromUtc is not null)
        {
            sql.Append(" AND ").Append(column("PublishedAt")).Append(" >= @from");
        }

        if (filter.ToUtc is not null)
        {
            sql.Append(" AND ").Append(column("PublishedAt")).Append(" < @to");
        }

        if (filter.CategoryIds is { } ids)
        {
            sql.Append(" AND ").Append(column("CategoryId")).Append(" IN (");
            if (ids.Count == 0)
            {
                sql.Append("NULL");
            }

            for (var i = 0; i < ids.Count; i++)
            {
                sql.Append(i == 0 ? "" : ", ").Append(CategoryParameter(i));
            }

            sql.Append(')');
        }
    }

    private static void AddParameters(DbCommand command, SearchFilter filter)
    {
        Add(command, "@site", filter.SiteId);
        Add(command, "@now", filter.NowUtc);
        if (filter.FromUtc is { } from)
        {
            Add(command, "@from", from);
        }

        if (filter.ToUtc is { } to)
        {
            Add(command, "@to", to);
        }

        if (filter.CategoryIds is { } ids)
        {
            for (var i = 0; i < ids.Count; i++)
            {
                Add(command, CategoryParameter(i), ids[i]);
            }
        }
    }

    private static string CategoryParameter(int i) => string.Create(CultureInfo.InvariantCulture, $"@c{i}");

    public static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
