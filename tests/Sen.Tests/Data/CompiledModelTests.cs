using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Scaffolding;
using Microsoft.Extensions.DependencyInjection;
using Sen.Tests.Localization;
using Sen.Web.Infrastructure.Data;

namespace Sen.Tests.Data;

/// <summary>
/// The compiled models the app starts from (Infrastructure/Data/CompiledModels) are exactly what EF
/// generates today from the entities and their configurations: a change to either without
/// tools/compiled-models.sh fails here, not at run time.
/// </summary>
public sealed partial class CompiledModelTests
{
    [Fact]
    public void The_SQLite_compiled_model_is_up_to_date()
    {
        using var db = new SqliteDesignTimeFactory().CreateDbContext([]);
        AssertUpToDate(db, "Sqlite");
    }

    [Fact]
    public void The_PostgreSQL_compiled_model_is_up_to_date()
    {
        using var db = new PostgresDesignTimeFactory().CreateDbContext([]);
        AssertUpToDate(db, "Postgres");
    }

    [Fact]
    public void Both_providers_run_on_their_compiled_model()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.IsType<Web.Infrastructure.Data.CompiledModels.Sqlite.SqliteSenDbContextModel>(sqlite.Model);
        Assert.IsType<Web.Infrastructure.Data.CompiledModels.Postgres.PostgresSenDbContextModel>(postgres.Model);
    }

    private static void AssertUpToDate(SenDbContext db, string provider)
    {
        // The same generator and options as `dotnet ef dbcontext optimize` (tools/compiled-models.sh).
#pragma warning disable EF1001 // The design-time services builder is the tool's own entry point.
        var services = new DesignTimeServicesBuilder(typeof(SenDbContext).Assembly, typeof(SenDbContext).Assembly, new OperationReporter(handler: null), []).Build(db);
#pragma warning restore EF1001
        var options = new CompiledModelCodeGenerationOptions
        {
            ContextType = db.GetType(),
            ModelNamespace = $"Sen.Web.Infrastructure.Data.CompiledModels.{provider}",
            Language = "C#",
        };
        var generated = services.GetRequiredService<ICompiledModelCodeGeneratorSelector>().Select(options)
            .GenerateModel(db.GetService<IDesignTimeModel>().Model, options)
            .ToDictionary(f => f.Path, f => WithoutModelId(f.Code), StringComparer.Ordinal);

        var folder = RepositoryFiles.PathOf("src", "Sen.Web", "Infrastructure", "Data", "CompiledModels", provider);
        var committed = Directory.GetFiles(folder, "*.cs").ToDictionary(f => Path.GetFileName(f), f => WithoutModelId(File.ReadAllText(f)), StringComparer.Ordinal);

        var stale = generated.Keys.Union(committed.Keys)
            .Where(name => !generated.TryGetValue(name, out var code) || !committed.TryGetValue(name, out var file) || code != file)
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(stale.Count == 0, $"The {provider} compiled model is out of date ({string.Join(", ", stale)}): run tools/compiled-models.sh.");
    }

    // Each generation draws a new model id.
    private static string WithoutModelId(string code) => ModelId().Replace(code, "modelId: new Guid()");

    [GeneratedRegex("""modelId: new Guid\("[0-9a-f-]+"\)""")]
    private static partial Regex ModelId();
}
