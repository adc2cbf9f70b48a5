using System.Diagnostics;
using System.Reflection;
using ConversationHub.Faq.Ranking;

namespace ConversationHub.Faq.Tests.Ranking;

/// <summary>A fact that runs only when the ranking code is JIT-optimised (a Release build); Debug timings mean nothing.</summary>
internal sealed class OptimizedBuildFactAttribute : FactAttribute
{
    public OptimizedBuildFactAttribute()
    {
        var debuggable = typeof(LambdaMartModel).Assembly.GetCustomAttribute<DebuggableAttribute>();
        if (debuggable?.IsJITOptimizerDisabled == true)
            Skip = "Timing test: run with -c Release.";
    }
}
