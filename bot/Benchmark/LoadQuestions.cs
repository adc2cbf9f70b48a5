using ConversationHub.Faq.Benchmark;

namespace ConversationHub.Bot.Benchmark;

/// <summary>
/// What the simulated citizens type: by default short paraphrases of the demo city's questions, worded as people
/// type them into a chat (no polite endings, some typos of form); or the values of a localgovFAQ-format
/// <c>queries.json</c> (<c>{"id": "question", …}</c>).
/// </summary>
internal static class LoadQuestions
{
    private static readonly string[] Paraphrases =
    [
        "住民票ってどこでもらえる？",
        "コンビニで住民票を出したい",
        "引っ越してきたら何の手続きがいる？",
        "市外に引っ越すときの転出届について",
        "市内で住所が変わった",
        "戸籍謄本がほしい",
        "戸籍を郵送で取り寄せたい",
        "代理で住民票を取りに行くには",
        "印鑑登録のやり方",
        "印鑑証明に必要なもの",
        "印鑑登録カードをなくした",
        "本人確認書類は何が使える？",
        "土曜日に住民票はとれますか",
        "婚姻届の提出先",
        "離婚届に必要なもの",
        "家族が亡くなったときの手続き",
        "出生届の期限",
        "住民票に本籍をのせたい",
        "マイナンバーカードの申請方法",
        "マイナンバーカード受け取りの予約",
        "マイナカードの暗証番号を忘れた",
        "マイナンバーカードを紛失した",
        "電子証明書の更新",
        "マイナ保険証の使い方",
        "子供のマイナンバーカードは作れる？",
        "交付通知書が来ない",
        "住民税の計算方法",
        "粗大ごみの出し方",
        "ごみの分別がわからない",
        "資源ごみの日はいつ",
        "児童手当の申請",
        "保育園の入園申込み",
        "国民健康保険の加入手続き",
        "国民年金の免除を申請したい",
        "犬の登録はどこでする？",
        "市役所の開庁時間",
        "駐車場はありますか",
        "証明書の手数料はいくら",
        "転入届はいつまでに出せばいい",
        "パスポートの申請窓口",
    ];

    public static async Task<IReadOnlyList<string>> LoadAsync(string? queriesPath, CancellationToken cancellationToken)
    {
        if (queriesPath is null)
        {
            return Paraphrases;
        }

        var questions = await FaqBenchCommand.ReadQueriesAsync(queriesPath, cancellationToken);
        return questions.Count > 0 ? questions : throw new InvalidDataException($"{queriesPath} holds no questions.");
    }
}
