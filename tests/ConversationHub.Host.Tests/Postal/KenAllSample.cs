using System.Text;

namespace ConversationHub.Host.Tests.Postal;

/// <summary>
/// A few KEN_ALL lines written for the tests (fictional 若葉台市, not Japan Post's data) that carry the file's quirks:
/// 以下に掲載がない場合, notes in brackets, a skyscraper's floors, a town split over two lines, one code with two towns,
/// 一円, and three malformed lines (10: too few columns, 11: a bad code, 12: a stray quote).
/// </summary>
internal static class KenAllSample
{
    public const string Text =
        "01999,\"999  \",\"9990000\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"ｲｶﾆｹｲｻｲｶﾞﾅｲﾊﾞｱｲ\",\"北海道\",\"若葉台市\",\"以下に掲載がない場合\",0,0,0,0,0,0\r\n" +
        "01999,\"999  \",\"9990001\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"ﾎﾝﾁｮｳ(ﾂｷﾞﾉﾋﾞﾙｦﾉｿﾞｸ)\",\"北海道\",\"若葉台市\",\"本町（次のビルを除く）\",0,0,1,0,0,0\r\n" +
        "01999,\"999  \",\"9990090\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"ﾎﾝﾁｮｳﾜｶﾊﾞﾀﾜｰ(ﾁｶｲ･ｶｲｿｳﾌﾒｲ)\",\"北海道\",\"若葉台市\",\"本町若葉タワー（地階・階層不明）\",0,0,0,0,0,0\r\n" +
        "01999,\"999  \",\"9990091\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"ﾎﾝﾁｮｳﾜｶﾊﾞﾀﾜｰ(1ｶｲ)\",\"北海道\",\"若葉台市\",\"本町若葉タワー（１階）\",0,0,0,0,0,0\r\n" +
        "01999,\"999  \",\"9990012\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"ｷﾀﾏﾁ(1-3ﾁｮｳﾒ､5ﾊﾞﾝﾁ\",\"北海道\",\"若葉台市\",\"北町（１～３丁目、５番地\",0,0,1,0,0,0\r\n" +
        "01999,\"999  \",\"9990012\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"ｲｼﾞｮｳ)\",\"北海道\",\"若葉台市\",\"以上）\",0,0,1,0,0,0\r\n" +
        "01999,\"999  \",\"9990020\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"ﾐﾅﾐｶﾞｵｶ\",\"北海道\",\"若葉台市\",\"南ケ丘\",0,0,0,1,0,0\r\n" +
        "01999,\"999  \",\"9990020\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"ﾆｼﾉ\",\"北海道\",\"若葉台市\",\"西野\",0,0,0,1,0,0\r\n" +
        "01998,\"998  \",\"9980000\",\"ﾎｯｶｲﾄﾞｳ\",\"ｿﾗﾁｸﾞﾝﾜｶﾊﾞﾁｮｳ\",\"ﾜｶﾊﾞﾁｮｳｲﾁｴﾝ\",\"北海道\",\"空知郡若葉町\",\"若葉町一円\",0,0,0,0,0,0\r\n" +
        "01999,\"999  \",\"9990030\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"ｱｽﾞﾏ\",\"北海道\",\"若葉台市\"\r\n" +
        "01999,\"999  \",\"99900X1\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"ｱｽﾞﾏ\",\"北海道\",\"若葉台市\",\"東町\",0,0,0,0,0,0\r\n" +
        "01999,\"999  \",\"9990031\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",ab\"c,\"北海道\",\"若葉台市\",\"東町\",0,0,0,0,0,0\r\n";

    static KenAllSample() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static byte[] Utf8(string text = Text) => Encoding.UTF8.GetBytes(text);

    public static byte[] ShiftJis(string text = Text) => Encoding.GetEncoding(932).GetBytes(text);

    /// <summary>One well-formed line of code <paramref name="code"/> in 若葉台市 with town <paramref name="town"/>.</summary>
    public static string Line(string code, string town, string kana) =>
        $"01999,\"999  \",\"{code}\",\"ﾎｯｶｲﾄﾞｳ\",\"ﾜｶﾊﾞﾀﾞｲｼ\",\"{kana}\",\"北海道\",\"若葉台市\",\"{town}\",0,0,0,0,0,0\r\n";
}
