using System.CommandLine;
using Sen.Tools.Bench;
using Sen.Tools.Generate;

namespace Sen.Tools;

/// <summary>
/// `sen-tools`: load generation and benchmarks on a Sen database, with the settings `sen` itself
/// reads (appsettings, Sen__DataPath, ConnectionStrings__Default, Database__Provider).
/// </summary>
public static class ToolsProgram
{
    public static Task<int> Main(string[] args) => CreateRoot().Parse(args).InvokeAsync();

    public static RootCommand CreateRoot() => new("Sen – công cụ tạo dữ liệu và đo tốc độ. / Sen – data generation and benchmarks.")
    {
        GenerateCommand.Create(),
        new Command("bench", "Đo tốc độ. / Benchmarks.") { ListingBench.Create(), SearchBench.Create(), SaveLoop.Create() },
    };
}
