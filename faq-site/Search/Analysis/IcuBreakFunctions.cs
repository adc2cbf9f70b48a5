using System.Globalization;
using System.Runtime.InteropServices;
using Icu;

namespace ConversationHub.Faq.Search.Analysis;

/// <summary>
/// The few ubrk_* functions of the system's libicu (the library icu.net binds to), called directly. PERF: icu.net's
/// iterator allocates two arrays per boundary and its one-shot <c>GetWordBoundaries</c> opens a native iterator per
/// text; segmentation was half of an index rebuild through it. Null when the library or its symbols cannot be found,
/// in which case segmentation goes through icu.net.
/// </summary>
internal sealed class IcuBreakFunctions
{
    /// <summary>UBRK_WORD in ubrk.h.</summary>
    public const int WordBreak = 1;

    /// <summary>UBRK_DONE in ubrk.h.</summary>
    public const int Done = -1;

    private static readonly Lazy<IcuBreakFunctions?> Loaded = new(Load);

    private IcuBreakFunctions(IntPtr library, string suffix)
    {
        Open = Export<OpenFunction>(library, "ubrk_open", suffix);
        SetText = Export<SetTextFunction>(library, "ubrk_setText", suffix);
        First = Export<PositionFunction>(library, "ubrk_first", suffix);
        Next = Export<PositionFunction>(library, "ubrk_next", suffix);
        RuleStatus = Export<PositionFunction>(library, "ubrk_getRuleStatus", suffix);
        Close = Export<CloseFunction>(library, "ubrk_close", suffix);
    }

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate IntPtr OpenFunction(int type, byte[] locale, IntPtr text, int length, out int status);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void SetTextFunction(IntPtr iterator, IntPtr text, int length, out int status);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate int PositionFunction(IntPtr iterator);

    [UnmanagedFunctionPointer(CallingConvention.Cdecl)]
    public delegate void CloseFunction(IntPtr iterator);

    public static IcuBreakFunctions? Instance => Loaded.Value;

    public OpenFunction Open { get; }

    public SetTextFunction SetText { get; }

    public PositionFunction First { get; }

    public PositionFunction Next { get; }

    public PositionFunction RuleStatus { get; }

    public CloseFunction Close { get; }

    private static IcuBreakFunctions? Load()
    {
        // icu.net has already found a usable ICU (the same one .NET's globalisation loads); its major version names
        // both the shared library and the symbols (ubrk_open_72), unless ICU was built without symbol renaming.
        if (Wrapper.Init() != ErrorCode.NoErrors)
            return null;
        var major = Wrapper.IcuVersion.Split('.')[0];
        string[] names = [$"libicuuc.so.{major}", $"libicuuc.{major}.dylib", $"icuuc{major}.dll", "icuuc.dll", "libicuuc.so"];
        foreach (var name in names)
        {
            if (!NativeLibrary.TryLoad(name, out var library))
                continue;
            foreach (var suffix in new[] { "_" + major, "" })
            {
                if (NativeLibrary.TryGetExport(library, "ubrk_open" + suffix, out _))
                    return new IcuBreakFunctions(library, suffix);
            }
        }

        return null;
    }

    private static T Export<T>(IntPtr library, string name, string suffix)
        where T : Delegate =>
        Marshal.GetDelegateForFunctionPointer<T>(NativeLibrary.GetExport(library, string.Concat(name, suffix)));

    /// <summary>Whether a UErrorCode is a failure (warnings are negative, success is zero).</summary>
    public static bool Failed(int status) => status > 0;

    public static string Describe(int status) => status.ToString(CultureInfo.InvariantCulture);
}
