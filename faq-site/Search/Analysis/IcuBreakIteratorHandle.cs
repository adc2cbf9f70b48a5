using System.Runtime.InteropServices;

namespace ConversationHub.Faq.Search.Analysis;

/// <summary>One native ICU word break iterator; closed when the thread that kept it is gone.</summary>
internal sealed class IcuBreakIteratorHandle : SafeHandle
{
    private readonly IcuBreakFunctions _functions;

    private IcuBreakIteratorHandle(IcuBreakFunctions functions, IntPtr iterator)
        : base(IntPtr.Zero, ownsHandle: true)
    {
        _functions = functions;
        SetHandle(iterator);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    public static IcuBreakIteratorHandle OpenJapaneseWords(IcuBreakFunctions functions)
    {
        var iterator = functions.Open(IcuBreakFunctions.WordBreak, "ja\0"u8.ToArray(), IntPtr.Zero, 0, out var status);
        if (IcuBreakFunctions.Failed(status) || iterator == IntPtr.Zero)
            throw new InvalidOperationException($"libicu could not open a Japanese word break iterator: error {IcuBreakFunctions.Describe(status)}.");
        return new IcuBreakIteratorHandle(functions, iterator);
    }

    protected override bool ReleaseHandle()
    {
        _functions.Close(handle);
        return true;
    }
}
