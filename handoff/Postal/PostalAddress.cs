namespace ConversationHub.Handoff.Postal;

/// <summary>
/// One candidate address of a postal code, as Japan Post's data gives it, ready to fill a form: remarks such as
/// 「（次のビルを除く）」 are already stripped, 「以下に掲載がない場合」 is an empty <see cref="Town"/>, kana is full-width.
/// A code can have several candidates (one per town it covers).
/// </summary>
/// <param name="Code">The 7-digit code without hyphen, for example <c>0600042</c>.</param>
/// <param name="Prefecture">都道府県名, for example 北海道.</param>
/// <param name="City">市区町村名 (with the county for towns and villages), for example 札幌市中央区.</param>
/// <param name="Town">町域名, empty when the code covers the whole city (以下に掲載がない場合).</param>
/// <param name="PrefectureKana">都道府県名カナ, full-width katakana.</param>
/// <param name="CityKana">市区町村名カナ, full-width katakana.</param>
/// <param name="TownKana">町域名カナ, full-width katakana; empty when <see cref="Town"/> is.</param>
internal sealed record PostalAddress(string Code, string Prefecture, string City, string Town, string PrefectureKana, string CityKana, string TownKana)
{
    /// <summary>The address to fill in: prefecture, city and town written together (番地 is the citizen's to add).</summary>
    public string Address => string.Concat(Prefecture, City, Town);
}
