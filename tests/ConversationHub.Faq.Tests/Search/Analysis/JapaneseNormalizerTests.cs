using ConversationHub.Faq.Search.Analysis;

namespace ConversationHub.Faq.Tests.Search.Analysis;

public sealed class JapaneseNormalizerTests
{
    [Theory]
    [InlineData("ｼﾞｭｳﾐﾝﾋｮｳ", "ジュウミンヒョウ")]
    [InlineData("ﾏｲﾅﾝﾊﾞｰｶｰﾄﾞ", "マイナンバーカード")]
    [InlineData("電話０６－６４１６", "電話06-6416")]
    [InlineData("ＡＢＣ", "abc")]
    public void Normalize_WidthVariants_FoldsToNfkcLowerCase(string input, string expected)
    {
        // Act
        var normalized = JapaneseNormalizer.Normalize(input);

        // Assert
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("西立花町三丁目", "西立花町3丁目")]
    [InlineData("二十三日まで", "23日まで")]
    [InlineData("二〇一九年", "2019年")]
    [InlineData("第一条", "第1条")]
    [InlineData("一般の方", "一般の方")]
    [InlineData("十分な駐車場", "十分な駐車場")]
    [InlineData("一時保育", "一時保育")]
    [InlineData("統一日", "統一日")]
    public void Normalize_KanjiNumerals_RewritesOnlyCountedNumbers(string input, string expected)
    {
        // Act
        var normalized = JapaneseNormalizer.Normalize(input);

        // Assert
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("人々", "人人")]
    [InlineData("時々", "時時")]
    [InlineData("いすゞ", "いすゞ")]
    [InlineData("こゝろ", "こころ")]
    public void Normalize_IterationMarks_RepeatsThePreviousLetter(string input, string expected)
    {
        // Act
        var normalized = JapaneseNormalizer.Normalize(input);

        // Assert
        Assert.Equal(expected, normalized);
    }

    [Theory]
    [InlineData("申し込み", "申込")]
    [InlineData("申込み", "申込")]
    [InlineData("引っ越し", "引越")]
    [InlineData("３ヶ月", "3か月")]
    [InlineData("三カ月", "3か月")]
    public void Normalize_SpellingVariants_UsesOneForm(string input, string expected)
    {
        // Act
        var normalized = JapaneseNormalizer.Normalize(input);

        // Assert
        Assert.Equal(expected, normalized);
    }

    [Fact]
    public void Normalize_DashAfterKana_BecomesLongVowelMark()
    {
        // Act
        var normalized = JapaneseNormalizer.Normalize("センタ―プール");

        // Assert
        Assert.Equal("センタープール", normalized);
    }

    [Theory]
    [InlineData("コンピューター", "コンピュータ")]
    [InlineData("サーバー", "サーバ")]
    [InlineData("ゴミ", "ごみ")]
    [InlineData("ジュウミンヒョウ", "じゅうみんひょう")]
    public void FoldReading_KanaVariants_FoldToTheSameKey(string left, string right)
    {
        // Act
        var a = JapaneseNormalizer.FoldReading(left);
        var b = JapaneseNormalizer.FoldReading(right);

        // Assert
        Assert.Equal(a, b);
    }

    [Fact]
    public void FoldReading_ShortWordWithLongVowel_KeepsTheMark()
    {
        // Act
        var folded = JapaneseNormalizer.FoldReading("バー");

        // Assert
        Assert.Equal("ばー", folded);
    }
}
