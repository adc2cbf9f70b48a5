using System.Text;

namespace ConversationHub.Handoff.Postal;

/// <summary>
/// The town column of KEN_ALL as a form should fill it. Japan Post writes notes into the column itself:
/// 「以下に掲載がない場合」 (the code covers the rest of the city), 「○○の次に番地がくる場合」, 「○○一円」, ranges such as
/// 「大通西（１～１９丁目）」, exclusions 「（次のビルを除く）」 and, for skyscrapers with one code per floor,
/// 「ＪＲタワー（１階）」 and 「（地階・階層不明）」. Notes are dropped; a floor stays, since that is what the code means.
/// </summary>
internal static class KenAllTown
{
    private const string RestOfCity = "以下に掲載がない場合";
    private const string NumberFollows = "の次に番地がくる場合";
    private const string WholeArea = "一円";
    private const string UnknownFloor = "地階・階層不明";
    private const string UnknownFloorKana = "チカイ・カイソウフメイ";

    /// <summary>The town and its kana (already full-width) without notes; both empty when the code covers the whole city.</summary>
    public static (string Town, string Kana) Clean(string town, string kana)
    {
        town = town.Trim();
        if (town.Length == 0 || town == RestOfCity || town.EndsWith(NumberFollows, StringComparison.Ordinal)
            || (town.EndsWith(WholeArea, StringComparison.Ordinal) && town.Length > WholeArea.Length))
        {
            return (string.Empty, string.Empty);
        }

        // A building's own qualifiers, 「名駅ミッドランドスクエア（高層棟）（１階）」, stay; elsewhere every bracket is a note.
        var building = HasFloorNote(town);
        return (StripNotes(town, building, kana: false), StripNotes(kana.Trim(), building, kana: true));
    }

    /// <summary>Whether the brackets of <paramref name="text"/> are unbalanced (a town continued on the next line).</summary>
    public static bool IsOpen(string text)
    {
        var depth = 0;
        foreach (var c in text)
        {
            if (c is '（' or '(')
            {
                depth++;
            }
            else if (c is '）' or ')' && depth > 0)
            {
                depth--;
            }
        }

        return depth > 0;
    }

    private static bool HasFloorNote(string town)
    {
        var found = false;
        ForEachNote(town, (_, inner) => found |= IsFloor(inner, kana: false) || inner == UnknownFloor);
        return found;
    }

    private static string StripNotes(string text, bool building, bool kana)
    {
        if (text.IndexOfAny(['（', '(']) < 0)
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        var end = ForEachNote(text, (before, inner) =>
        {
            result.Append(before);
            if (IsFloor(inner, kana))
            {
                result.Append(inner);
            }
            else if (building && inner.Length > 0 && inner != (kana ? UnknownFloorKana : UnknownFloor))
            {
                result.Append(kana ? '(' : '（').Append(inner).Append(kana ? ')' : '）');
            }
        });
        result.Append(end);
        return result.ToString().Trim();
    }

    // Calls note(textBefore, innerText) for each top-level bracket and returns the text after the last one; an unclosed
    // bracket (a continuation that never closed) is dropped with everything after it.
    private static string ForEachNote(string text, Action<string, string> note)
    {
        var start = 0;
        while (true)
        {
            var open = text.IndexOfAny(['（', '('], start);
            if (open < 0)
            {
                return text[start..];
            }

            var depth = 0;
            var close = -1;
            for (var i = open; i < text.Length; i++)
            {
                if (text[i] is '（' or '(')
                {
                    depth++;
                }
                else if (text[i] is '）' or ')' && --depth == 0)
                {
                    close = i;
                    break;
                }
            }

            if (close < 0)
            {
                note(text[start..open], string.Empty);
                return string.Empty;
            }

            note(text[start..open], text[(open + 1)..close]);
            start = close + 1;
        }
    }

    // 「１階」「12階」 and their kana 「1カイ」 (kana columns are NFKC-folded, so digits are ASCII there).
    private static bool IsFloor(string inner, bool kana)
    {
        var suffix = kana ? "カイ" : "階";
        if (inner.Length <= suffix.Length || !inner.EndsWith(suffix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var c in inner.AsSpan(0, inner.Length - suffix.Length))
        {
            if (c is not (>= '0' and <= '9' or >= '０' and <= '９'))
            {
                return false;
            }
        }

        return true;
    }
}
