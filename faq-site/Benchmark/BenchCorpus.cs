using ConversationHub.Faq.Evaluation;
using ConversationHub.Faq.Search.Index;

namespace ConversationHub.Faq.Benchmark;

/// <summary>
/// The benchmark's FAQs: a corpus replicated to the wanted size, each copy made different (a ward name in the
/// question, a ward office and desk number in the answer) so copies do not collapse into identical postings; or,
/// without a corpus, questions composed from city-hall topics and phrasings.
/// </summary>
internal static class BenchCorpus
{
    private static readonly string[] Wards =
    [
        "中央区", "北区", "南区", "東区", "西区", "若葉区", "緑区", "港区", "青葉区", "桜区",
        "泉区", "城山区", "川辺区", "丘区", "本町地区", "駅前地区", "新町地区", "山手地区", "浜地区", "台地区",
    ];

    private static readonly string[] Topics =
    [
        "住民票の写し", "印鑑登録証明書", "戸籍謄本", "マイナンバーカード", "国民健康保険", "国民年金", "児童手当",
        "保育所の入所", "粗大ごみ", "資源ごみ", "転入届", "転出届", "婚姻届", "出生届", "パスポート", "軽自動車税",
        "固定資産税", "住民税", "介護保険", "予防接種", "犬の登録", "市営住宅", "水道の開栓", "図書館の利用者カード",
    ];

    private static readonly string[] Phrasings =
    [
        "の申請方法を教えてください。", "はどこで手続きできますか？", "の手数料はいくらですか？",
        "に必要な書類は何ですか？", "はコンビニで取れますか？", "は代理人でも手続きできますか？",
        "の受付時間を知りたい。", "をなくしたときはどうすればよいですか？",
    ];

    public static async Task<IReadOnlyList<SearchDocument>> LoadAsync(string? corpusPath, int count, CancellationToken cancellationToken)
    {
        var seeds = corpusPath is null ? Synthesise() : await ReadCorpusAsync(corpusPath, cancellationToken);
        var documents = new SearchDocument[count];
        for (var i = 0; i < count; i++)
        {
            var seed = seeds[i % seeds.Count];
            var copy = i / seeds.Count;
            documents[i] = copy == 0
                ? new SearchDocument(seed.Id, seed.Question, seed.Answer)
                : Vary(seed, copy);
        }

        return documents;
    }

    public static IReadOnlyList<string> DefaultQueries(IReadOnlyList<SearchDocument> documents)
    {
        // Without a query file: the start of every 20th question, as a citizen would type it.
        var step = Math.Max(1, documents.Count / 500);
        return [.. documents.Where((_, i) => i % step == 0).Take(500).Select(d => d.Question.Length <= 12 ? d.Question : d.Question[..12])];
    }

    private static SearchDocument Vary(SearchDocument seed, int copy)
    {
        var ward = Wards[copy % Wards.Length];
        var desk = copy / Wards.Length + 1;
        return new SearchDocument(
            $"{seed.Id}-{copy}",
            $"{seed.Question}（{ward}）",
            $"{seed.Answer} お問い合わせは{ward}役所 市民窓口 第{desk}係へ。");
    }

    private static List<SearchDocument> Synthesise()
    {
        var seeds = new List<SearchDocument>(Topics.Length * Phrasings.Length);
        foreach (var topic in Topics)
        {
            foreach (var phrasing in Phrasings)
            {
                var answer = $"{topic}については、市役所本庁舎1階の窓口または各支所で受け付けています。受付時間は平日8時30分から17時15分です。本人確認書類をお持ちください。";
                seeds.Add(new SearchDocument($"s{seeds.Count}", topic + phrasing, answer));
            }
        }

        return seeds;
    }

    private static async Task<List<SearchDocument>> ReadCorpusAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = File.OpenRead(path);
        var corpus = await System.Text.Json.JsonSerializer.DeserializeAsync<Dictionary<string, string>>(stream, cancellationToken: cancellationToken)
            ?? throw new InvalidDataException($"{path} holds JSON null.");
        if (corpus.Count == 0)
            throw new InvalidDataException($"{path} holds no FAQs.");
        return [.. corpus.Select(p => LocalGovFaqLoader.ParseEntry(p.Key, p.Value))];
    }
}
