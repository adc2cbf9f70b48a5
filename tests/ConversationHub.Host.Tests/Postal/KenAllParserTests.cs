using ConversationHub.Handoff.Postal;

namespace ConversationHub.Host.Tests.Postal;

/// <summary>KEN_ALL's quirks, both encodings and malformed lines (handoff/Postal/KenAllParser.cs, KenAllTown.cs).</summary>
public sealed class KenAllParserTests
{
    public static TheoryData<string> Encodings => new() { "utf-8", "shift_jis" };

    private static PostalParseResult Parse(string encoding) =>
        KenAllParser.Parse(encoding == "utf-8" ? KenAllSample.Utf8() : KenAllSample.ShiftJis());

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Parse_EitherEncoding_DetectsItAndReadsTheSameEntries(string encoding)
    {
        var result = Parse(encoding);

        Assert.Equal(encoding == "utf-8" ? "ken_all-utf8" : "ken_all-shift_jis", result.Format);
        Assert.Equal(12, result.Lines);
        Assert.Equal(8, result.Entries.Count);
        Assert.Equal(7, result.CodeCount);
        Assert.Equal(result.Entries.Select(e => e.Code).Order(StringComparer.Ordinal), result.Entries.Select(e => e.Code));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Parse_RestOfCityAndWholeArea_EmptyTown(string encoding)
    {
        var entries = Parse(encoding).Entries;

        var rest = Assert.Single(entries, e => e.Code == "9990000");
        Assert.Equal(("北海道", "若葉台市", "", "ホッカイドウ", "ワカバダイシ", ""), (rest.Prefecture, rest.City, rest.Town, rest.PrefectureKana, rest.CityKana, rest.TownKana));
        Assert.Equal("北海道若葉台市", rest.Address);
        Assert.Equal("", Assert.Single(entries, e => e.Code == "9980000").Town);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Parse_NotesInBrackets_StrippedAndFloorsKept(string encoding)
    {
        var entries = Parse(encoding).Entries;

        var town = Assert.Single(entries, e => e.Code == "9990001");
        Assert.Equal(("本町", "ホンチョウ"), (town.Town, town.TownKana));
        var unknownFloor = Assert.Single(entries, e => e.Code == "9990090");
        Assert.Equal(("本町若葉タワー", "ホンチョウワカバタワー"), (unknownFloor.Town, unknownFloor.TownKana));
        var firstFloor = Assert.Single(entries, e => e.Code == "9990091");
        Assert.Equal(("本町若葉タワー１階", "ホンチョウワカバタワー1カイ"), (firstFloor.Town, firstFloor.TownKana));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Parse_TownSplitOverTwoLines_MergedIntoOne(string encoding)
    {
        var merged = Assert.Single(Parse(encoding).Entries, e => e.Code == "9990012");

        Assert.Equal(("北町", "キタマチ"), (merged.Town, merged.TownKana));
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Parse_OneCodeTwoTowns_TwoCandidates(string encoding)
    {
        var towns = Parse(encoding).Entries.Where(e => e.Code == "9990020").Select(e => e.Town).ToList();

        Assert.Equal(["南ケ丘", "西野"], towns);
    }

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Parse_MalformedLines_CountedWithLineNumbersNotThrown(string encoding)
    {
        var result = Parse(encoding);

        Assert.Equal(3, result.MalformedCount);
        Assert.Equal(
            [(10, PostalLineProblem.FieldCount, (string?)"8"), (11, PostalLineProblem.Code, null), (12, PostalLineProblem.Quote, null)],
            result.Malformed.Select(m => (m.Line, m.Problem, m.Detail)));
    }

    [Fact]
    public void Parse_ReportLimit_ListsFirstLinesButCountsAll()
    {
        var text = string.Concat(Enumerable.Range(0, 50).Select(_ => "broken\r\n"));

        var result = KenAllParser.Parse(KenAllSample.Utf8(text), reportLimit: 5);

        Assert.Equal(50, result.MalformedCount);
        Assert.Equal([1, 2, 3, 4, 5], result.Malformed.Select(m => m.Line));
        Assert.Empty(result.Entries);
    }

    [Fact]
    public void Parse_Utf8WithByteOrderMark_Read()
    {
        var bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(KenAllSample.Utf8(KenAllSample.Line("9990100", "東町", "ﾋｶﾞｼﾏﾁ"))).ToArray();

        var entry = Assert.Single(KenAllParser.Parse(bytes).Entries);

        Assert.Equal(("9990100", "東町", "ヒガシマチ"), (entry.Code, entry.Town, entry.TownKana));
    }

    [Fact]
    public void Codec_RoundTrip_IndexFindsEveryCandidate()
    {
        var entries = Parse("utf-8").Entries;

        var index = PostalIndex.Build(PostalDatasetCodec.Decode(PostalDatasetCodec.Encode(entries)));

        Assert.Equal(entries, entries.Select(e => e.Code).Distinct(StringComparer.Ordinal).SelectMany(index.Find).ToList());
        Assert.Empty(index.Find("0000000"));
    }
}
