using System.Globalization;
using System.Text;
using ConversationHub.Handoff.Programs.Rosters;

namespace ConversationHub.Host.ProgramsBench;

/// <summary>
/// A made-up roster CSV for the bench: names drawn from common family and given names at random, dates of birth in era
/// and western forms, postal codes and addresses of a fictional city. No real person's data.
/// </summary>
internal static class SyntheticRoster
{
    private static readonly string[] FamilyNames = ["佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤", "吉田", "山田", "佐々木", "山口", "松本", "井上", "木村", "林", "斎藤", "清水"];
    private static readonly string[] GivenNames = ["花子", "太郎", "一郎", "美咲", "大翔", "結衣", "陽菜", "蓮", "湊", "葵", "健", "恵子", "和子", "誠", "翔太", "さくら", "ゆい", "はると", "そうた", "みお"];
    private static readonly string[] Towns = ["若葉町", "青葉台", "緑ヶ丘", "桜木町", "港南", "中央", "東町", "西町"];

    public static readonly RosterLayout Layout = new(
        true, RosterEncoding.Utf8, "世帯主氏名", "世帯主生年月日",
        [new("子1氏名", "子1生年月日"), new("子2氏名", "子2生年月日"), new("子3氏名", "子3生年月日")], "郵便番号", "住所", "世帯番号");

    /// <summary>The file (UTF-8 with a BOM), and every member as a look-up would name them.</summary>
    public static (byte[] File, List<RosterQuery> Members) Generate(int households, int seed)
    {
        var random = new Random(seed);
        var text = new StringBuilder(households * 120);
        var members = new List<RosterQuery>(households * 2);
        text.AppendLine("世帯番号,世帯主氏名,世帯主生年月日,子1氏名,子1生年月日,子2氏名,子2生年月日,子3氏名,子3生年月日,郵便番号,住所");
        for (var i = 0; i < households; i++)
        {
            var family = FamilyNames[random.Next(FamilyNames.Length)];
            var postal = string.Create(CultureInfo.InvariantCulture, $"{random.Next(100, 1000)}-{random.Next(0, 10000):D4}");
            var headBirth = new DateOnly(1960, 1, 1).AddDays(random.Next(0, 365 * 40));
            var head = $"{family} {GivenNames[random.Next(GivenNames.Length)]}";
            members.Add(new RosterQuery(head, headBirth, postal));
            text.Append(CultureInfo.InvariantCulture, $"H{i + 1:D7},{head},{Era(headBirth, i)}");
            var children = random.Next(0, 4);
            for (var c = 0; c < 3; c++)
            {
                if (c >= children)
                {
                    text.Append(",,");
                    continue;
                }

                var child = $"{family} {GivenNames[random.Next(GivenNames.Length)]}";
                var birth = new DateOnly(2008, 4, 2).AddDays(random.Next(0, 365 * 18));
                members.Add(new RosterQuery(child, birth, postal));
                text.Append(CultureInfo.InvariantCulture, $",{child},{Era(birth, i + c)}");
            }

            text.Append(CultureInfo.InvariantCulture, $",{postal},若葉市{Towns[random.Next(Towns.Length)]}{random.Next(1, 10)}-{random.Next(1, 30)}-{random.Next(1, 20)}\n");
        }

        return ([.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())], members);
    }

    // Half the dates in the era form the city's ledgers use, half in the western form.
    private static string Era(DateOnly day, int i)
    {
        if (i % 2 == 0)
            return day.ToString("yyyy/M/d", CultureInfo.InvariantCulture);
        var (era, first) = day >= new DateOnly(2019, 5, 1) ? ("令和", 2019) : day >= new DateOnly(1989, 1, 8) ? ("平成", 1989) : ("昭和", 1926);
        return string.Create(CultureInfo.InvariantCulture, $"{era}{day.Year - first + 1}年{day.Month}月{day.Day}日");
    }
}
