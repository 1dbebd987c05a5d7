using Sen.Web.Infrastructure.Cli;

namespace Sen.IntegrationTests.Cli;

public sealed class CommandLineTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("search", "--help")]
    [InlineData("import", "text", "--help")]
    [InlineData("generate", "--help")]
    public async Task Help_is_shown_and_exits_zero(params string[] args) =>
        Assert.Equal(0, await SenCommandLine.RunAsync(args));

    [Theory]
    [InlineData("no-such-command")]
    [InlineData("import", "text")]
    [InlineData("generate", "--articles", "many")]
    public async Task Wrong_commands_exit_non_zero_without_touching_a_database(params string[] args) =>
        Assert.NotEqual(0, await SenCommandLine.RunAsync(args));
}
