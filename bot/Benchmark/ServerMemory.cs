using System.Diagnostics;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// A server's memory after a forced, compacting full collection (live managed bytes and the working set), and the CPU
/// time its process has used so far, which says what a question costs even when other work shares the machine.
/// </summary>
internal sealed record ServerMemory(long GcHeapBytes, long WorkingSetBytes, double CpuMilliseconds)
{
    /// <summary>
    /// Reads this process's memory. Collects twice around the finalizers, so objects kept only by a finalizer are gone
    /// and the reading is the memory still in use, not garbage the GC has not reached yet.
    /// </summary>
    public static ServerMemory ReadAfterFullCollection()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        return new ServerMemory(GC.GetTotalMemory(forceFullCollection: false), process.WorkingSet64, process.TotalProcessorTime.TotalMilliseconds);
    }
}
