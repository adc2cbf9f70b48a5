using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace ConversationHub.Faq.Search.Readings;

/// <summary>
/// Reading dictionaries loaded from the system's lexicon (like libicu, installed by the OS package manager, never
/// shipped in the repository), once per process and folder: every index on a node, and every host of a test run,
/// shares one. A folder that is missing or unreadable gives <see cref="ReadingDictionary.Empty"/> and one warning.
/// </summary>
internal static partial class SystemReadingDictionaries
{
    private static readonly ConcurrentDictionary<(string Path, string Encoding), Lazy<ReadingDictionary>> Loaded = new();

    /// <summary>The dictionary at <see cref="ReadingDictionaryOptions.DefaultPath"/>, for analysers made without options.</summary>
    public static ReadingDictionary Default => Get(new ReadingDictionaryOptions(), NullLogger.Instance);

    public static ReadingDictionary Get(ReadingDictionaryOptions options, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(logger);
        if (string.IsNullOrWhiteSpace(options.DictionaryPath))
        {
            Log.ReadingsOff(logger);
            return ReadingDictionary.Empty;
        }

        // A missing folder is not remembered: each host that asks says so in its own log.
        var path = Path.GetFullPath(options.DictionaryPath);
        if (!Directory.Exists(path))
        {
            Log.LexiconMissing(logger, path);
            return ReadingDictionary.Empty;
        }

        return Loaded.GetOrAdd((path, options.Encoding), k => new Lazy<ReadingDictionary>(() => Load(k.Path, options, logger))).Value;
    }

    private static ReadingDictionary Load(string path, ReadingDictionaryOptions options, ILogger logger)
    {
        try
        {
            var encoding = ReadingDictionaryOptions.LexiconEncoding(options);
            var started = Stopwatch.GetTimestamp();
            var dictionary = MecabLexiconReader.Read(path, encoding);
            var milliseconds = (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds;
            Log.LexiconLoaded(logger, dictionary.Count, path, milliseconds, dictionary.SizeInBytes >> 10);
            return dictionary;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException)
        {
            Log.LexiconUnreadable(logger, path, e.GetType().Name);
            return ReadingDictionary.Empty;
        }
    }

    private static partial class Log
    {
        [LoggerMessage(EventId = 2210, Level = LogLevel.Information, Message = "Search readings: {Count} kanji words from {Path} in {Milliseconds} ms ({Kilobytes} KiB)")]
        public static partial void LexiconLoaded(ILogger logger, int count, string path, long milliseconds, long kilobytes);

        [LoggerMessage(EventId = 2211, Level = LogLevel.Warning, Message = "Search readings are off: no lexicon at {Path} (install Debian's mecab-ipadic or set FaqSearch:Readings:DictionaryPath); hiragana queries only find hiragana")]
        public static partial void LexiconMissing(ILogger logger, string path);

        [LoggerMessage(EventId = 2212, Level = LogLevel.Warning, Message = "Search readings are off: the lexicon at {Path} could not be read ({ErrorType})")]
        public static partial void LexiconUnreadable(ILogger logger, string path, string errorType);

        [LoggerMessage(EventId = 2213, Level = LogLevel.Information, Message = "Search readings are off (FaqSearch:Readings:DictionaryPath is empty)")]
        public static partial void ReadingsOff(ILogger logger);
    }
}
