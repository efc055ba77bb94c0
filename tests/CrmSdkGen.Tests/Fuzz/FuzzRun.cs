using CrmSdkGen.Generation;
using CrmSdkGen.Kernel;

namespace CrmSdkGen.Tests.Fuzz;

/// <summary>
/// Generates from one input on a thread with a small stack, as a compiler host's worker thread would, and says what
/// went wrong: an exception that escaped, CSG0008, no answer within the time limit, or memory out of proportion to the input.
/// </summary>
internal static class FuzzRun
{
    public const int StackSize = 1024 * 1024;

    public static string? Problem(SpecSource source, TimeSpan limit)
    {
        string? problem = null;
        var thread = new Thread(
            () =>
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    var result = SdkGenerator.Generate(source);
                    if (result.Diagnostics.FirstOrDefault(diagnostic => diagnostic.Id == DiagnosticIds.InternalError) is { } failure)
                    {
                        problem = $"CSG0008 at {failure.Span.StartLine + 1}:{failure.Span.StartColumn + 1}: {failure.Message}";
                    }

                    var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                    var allowed = 64L * 1024 * 1024 + 400L * (source.Text.Length + source.Siblings.Sum(file => (long)file.Text.Length));
                    if (problem is null && allocated > allowed)
                    {
                        problem = $"allocated {allocated / (1024 * 1024)} MB for {source.Text.Length / 1024} KB of input";
                    }
                }
                catch (Exception exception)
                {
                    problem = "threw " + exception.GetType().Name + ": " + exception.Message + "\n" + exception.StackTrace;
                }
            },
            StackSize) { IsBackground = true };
        thread.Start();
        return thread.Join(limit) ? problem : $"no answer within {limit.TotalSeconds:0} s";
    }
}
