namespace ConversationHub.Faq.Search.Readings;

/// <summary>
/// The <c>FaqSearch:Readings</c> section: where the system's Japanese lexicon is, from which search learns how kanji
/// words are read, so that じゅうみんひょう finds 住民票. Without it search still works, but hiragana finds only hiragana.
/// </summary>
public sealed class ReadingDictionaryOptions
{
    public const string SectionName = "FaqSearch:Readings";

    /// <summary>Debian's <c>mecab-ipadic</c> package puts its CSV lexicon here.</summary>
    public const string DefaultPath = "/usr/share/mecab/dic/ipadic";

    /// <summary>
    /// A folder of MeCab IPADIC-format CSV files (surface, ids, cost, part of speech …, reading). Empty turns readings
    /// off. A folder that does not exist is logged as a warning, and search runs without readings.
    /// </summary>
    public string DictionaryPath { get; set; } = DefaultPath;

    /// <summary>The encoding of the CSV files: Debian ships IPADIC's source in EUC-JP.</summary>
    public string Encoding { get; set; } = "euc-jp";

    /// <summary>The <see cref="System.Text.Encoding"/> named by <see cref="Encoding"/>; throws ArgumentException for an unknown name.</summary>
    internal static System.Text.Encoding LexiconEncoding(ReadingDictionaryOptions options)
    {
        System.Text.Encoding.RegisterProvider(System.Text.CodePagesEncodingProvider.Instance);
        return System.Text.Encoding.GetEncoding(options.Encoding);
    }
}
