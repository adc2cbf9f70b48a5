using System.Text;
using ConversationHub.Faq.Search.Analysis;
using ConversationHub.Faq.Search.Readings;

namespace ConversationHub.Faq.Tests.Search.Readings;

public sealed class MecabLexiconReaderTests
{
    /// <summary>A few lines in IPADIC's CSV format, in EUC-JP as Debian ships them.</summary>
    internal static string WriteLexicon(params string[] lines)
    {
        var directory = Directory.CreateTempSubdirectory("hub-lexicon").FullName;
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        File.WriteAllLines(Path.Combine(directory, "Noun.csv"), lines, Encoding.GetEncoding("euc-jp"));
        return directory;
    }

    [Fact]
    public void Read_IpadicCsvInEucJp_ReadsKanjiEntriesOnly()
    {
        // Arrange
        var directory = WriteLexicon(
            "住民,1285,1285,5642,名詞,一般,*,*,*,*,住民,ジュウミン,ジューミン",
            "票,1285,1285,6639,名詞,一般,*,*,*,*,票,ヒョウ,ヒョー",
            "ごみ,1285,1285,5000,名詞,一般,*,*,*,*,ごみ,ゴミ,ゴミ",
            "壊れた行");

        // Act
        var dictionary = MecabLexiconReader.Read(directory, Encoding.GetEncoding("euc-jp"));

        // Assert
        Assert.Equal(2, dictionary.Count);
        Assert.Equal("じゅうみんひょう", ReadingTranscriber.Transcribe(dictionary, "住民票", []));
    }

    [Fact]
    public void Read_PersonNamesFile_IsLeftOut()
    {
        // Arrange
        var directory = WriteLexicon("戸籍,1285,1285,5843,名詞,一般,*,*,*,*,戸籍,コセキ,コセキ");
        File.WriteAllLines(Path.Combine(directory, "Noun.name.csv"), ["戸籍,1289,1289,100,名詞,固有名詞,人名,名,*,*,戸籍,トジャク,トジャク"], Encoding.GetEncoding("euc-jp"));

        // Act
        var dictionary = MecabLexiconReader.Read(directory, Encoding.GetEncoding("euc-jp"));

        // Assert
        Assert.Equal("こせき", ReadingTranscriber.Transcribe(dictionary, "戸籍", []));
    }

    [Fact]
    public void Transcribe_KanaAndUnknownKanji_StayAsWritten()
    {
        // Arrange
        var directory = WriteLexicon("出し,1285,1285,7574,動詞,自立,*,*,五段・サ行,連用形,出す,ダシ,ダシ");
        var dictionary = MecabLexiconReader.Read(directory, Encoding.GetEncoding("euc-jp"));

        // Act
        var reading = ReadingTranscriber.Transcribe(dictionary, JapaneseNormalizer.Normalize("ゴミの出し方"), []);

        // Assert
        Assert.Equal("ごみのだし方", reading);
    }
}
