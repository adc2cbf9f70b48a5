using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace ConversationHub.Faq.Ranking.Judgements;

/// <summary>
/// SHA-256 of judgements in id order, over every stored field with the query in clear (the hash reveals nothing
/// of it), one line per judgement. Same rows, same hash: what a model card records to tie a model to its data.
/// </summary>
internal static class JudgementHash
{
    public static string Compute(IEnumerable<RankingJudgement> judgements)
    {
        ArgumentNullException.ThrowIfNull(judgements);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var j in judgements.OrderBy(j => j.Id))
        {
            var line = string.Join(
                '\t',
                j.Id.ToString(CultureInfo.InvariantCulture),
                JudgementSourceNames.ToStored(j.Source),
                j.Query.Replace('\t', ' ').Replace('\n', ' '),
                j.FaqId.ToString("N"),
                j.Grade.ToString(CultureInfo.InvariantCulture),
                j.Position?.ToString(CultureInfo.InvariantCulture) ?? "",
                j.StaffUserId?.ToString("N") ?? "",
                j.ReviewOfId?.ToString(CultureInfo.InvariantCulture) ?? "",
                j.CreatedAtUtc.Ticks.ToString(CultureInfo.InvariantCulture)) + "\n";
            hash.AppendData(Encoding.UTF8.GetBytes(line));
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
