using System.Diagnostics;
using System.Globalization;
using Spectre.Console;

namespace Sen.Web.Infrastructure.Cli;

/// <summary>
/// Shows a long command's progress on standard error: Spectre.Console progress bars, one per stage, on a
/// terminal; plain lines (a stage's start and end, and at most one line every few seconds) when the
/// output goes to a file or a log, so logs stay readable.
/// </summary>
public static class ConsoleProgress
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    public static Task<T> RunAsync<T>(Func<IProgress<WorkProgress>, Task<T>> work)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (Console.IsErrorRedirected)
        {
            return work(new LineReporter(Console.Error));
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        return console.Progress()
            .AutoClear(false)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
            .StartAsync(context => work(new BarReporter(context)));
    }

    /// <summary>Reports synchronously (unlike <see cref="Progress{T}"/>, which posts to the thread pool and can reorder reports).</summary>
    private sealed class BarReporter(ProgressContext context) : IProgress<WorkProgress>
    {
        private readonly Dictionary<string, ProgressTask> tasks = new(StringComparer.Ordinal);

        public void Report(WorkProgress value)
        {
            lock (tasks)
            {
                if (!tasks.TryGetValue(value.Stage, out var task))
                {
                    foreach (var earlier in tasks.Values.Where(t => !t.IsFinished && !t.IsIndeterminate))
                    {
                        earlier.Value = earlier.MaxValue;
                    }

                    task = context.AddTask(Markup.Escape(value.Stage), maxValue: Math.Max(1, value.Total));
                    tasks[value.Stage] = task;
                }

                task.IsIndeterminate = value.Total <= 0;
                if (value.Total > 0)
                {
                    task.MaxValue = value.Total;
                    task.Value = Math.Min(value.Done, value.Total);
                }
            }
        }
    }

    private sealed class LineReporter(TextWriter writer) : IProgress<WorkProgress>
    {
        private readonly Stopwatch sinceLine = Stopwatch.StartNew();
        private string? stage;

        public void Report(WorkProgress value)
        {
            lock (sinceLine)
            {
                var finished = value.Total > 0 && value.Done >= value.Total;
                if (value.Stage == stage && !finished && sinceLine.Elapsed < LineInterval)
                {
                    return;
                }

                stage = value.Stage;
                sinceLine.Restart();
                writer.WriteLine(value switch
                {
                    { Total: > 0 } => string.Create(CultureInfo.InvariantCulture, $"{value.Stage}: {value.Done}/{value.Total}"),
                    { Done: > 0 } => string.Create(CultureInfo.InvariantCulture, $"{value.Stage}: {value.Done}"),
                    _ => value.Stage + " …",
                });
            }
        }
    }
}
