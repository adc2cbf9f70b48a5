using ConversationHub.Faq.Search.Analysis;

namespace ConversationHub.Faq.Tests.Search.Analysis;

public class IcuWordSegmenterTests
{
    [Fact]
    public void Instance_OnThisMachine_BindsLibicuDirectly()
    {
        // Arrange / Act
        var functions = IcuBreakFunctions.Instance;

        // Assert: without the direct binding a rebuild silently falls back to the slow path.
        Assert.NotNull(functions);
    }

    [Theory]
    [InlineData("住民票の写しはコンビニで取れますか")]
    [InlineData("マイナンバーカードを申請したい。PDF files 2025年3月3日")]
    [InlineData("")]
    [InlineData("、。！？")]
    [InlineData("😀家族が亡くなりました👨‍👩‍👧 手続きは？")]
    public void Segment_Native_MatchesIcuNet(string text)
    {
        // Arrange
        var native = new List<(int Start, int Length)>();
        var wrapped = new List<(int Start, int Length)>();

        // Act
        IcuWordSegmenter.Segment(text, native);
        IcuWordSegmenter.SegmentThroughIcuNet(text, wrapped);

        // Assert
        Assert.Equal(wrapped, native);
    }

    [Fact]
    public void Segment_LongAnswerOnManyThreads_MatchesIcuNet()
    {
        // Arrange: long enough for icu.net's one-shot path, and segmented concurrently as a rebuild does.
        var text = string.Concat(Enumerable.Repeat("住民票の写しは市民課の窓口、各支所またはコンビニエンスストアで取得できます。", 40));
        var expected = new List<(int Start, int Length)>();
        IcuWordSegmenter.SegmentThroughIcuNet(text, expected);

        // Act
        var results = new List<(int Start, int Length)>[16];
        Parallel.For(0, results.Length, i =>
        {
            results[i] = [];
            IcuWordSegmenter.Segment(text, results[i]);
        });

        // Assert
        Assert.NotEmpty(expected);
        Assert.All(results, r => Assert.Equal(expected, r));
    }
}
