using ConversationHub.Faq.KnowledgeBase.Domain;
using ConversationHub.Faq.KnowledgeBase.Editing;
using F = ConversationHub.Faq.KnowledgeBase.Csv.FaqCsvFormat;

namespace ConversationHub.Faq.KnowledgeBase.Csv;

/// <summary>
/// Checks one row with the console's limits (<see cref="FaqEditValidator"/>) and resolves it to the state it asks for.
/// Every problem of the row is reported, not only the first, so an editor fixes a file in one pass.
/// </summary>
internal sealed class FaqCsvRowChecker(FaqCsvRow row, FaqCsvContext context, Dictionary<Guid, int> seenIds, List<FaqCsvError> errors)
{
    public FaqCsvTarget? Check()
    {
        var operation = (row[F.Operation] ?? "").Trim();
        var kind = operation switch
        {
            F.Register => FaqCsvChangeKind.Add,
            F.Update => FaqCsvChangeKind.Update,
            F.Delete => FaqCsvChangeKind.Delete,
            _ => (FaqCsvChangeKind?)null,
        };
        if (kind is null)
        {
            Error(F.Operation, operation.Length == 0 ? "操作は必須です（登録・更新・削除）。" : $"操作「{operation}」は使えません。「登録」「更新」「削除」のいずれかを入力してください。");
            return null;
        }

        var faq = FindFaq(kind.Value);
        if (kind != FaqCsvChangeKind.Add && faq is null)
        {
            return null;
        }

        var note = (row[F.ChangeNote] ?? "").Trim();
        if (kind == FaqCsvChangeKind.Delete)
        {
            return DeleteTarget(faq!, note);
        }

        return CheckContent(kind.Value, faq, note);
    }

    // Deleting is archiving, as in the console; an archived FAQ is already deleted, so the plan shows 変更なし.
    private FaqCsvTarget DeleteTarget(FaqEntry faq, string note) => new(
        FaqCsvChangeKind.Delete, faq, Revision(faq), faq.Question, [.. faq.Paraphrases.Select(p => p.Text)], faq.AnswerMarkdown,
        [.. faq.Categories.Select(c => (c.Kind, c.Name))], [.. faq.Owners.Select(o => o.DepartmentId)], faq.Visibility,
        FaqStatus.Archived, faq.PublishFromUtc, faq.PublishUntilUtc, [.. faq.RelatedLinks.OrderBy(l => l.SortOrder).Select(l => (l.Title, l.Url))],
        note.Length > 0 ? note : "CSV一括削除（アーカイブ）");

    private FaqCsvTarget? CheckContent(FaqCsvChangeKind kind, FaqEntry? faq, string note)
    {
        var question = (row[F.Question] ?? "").Trim();
        var answer = row[F.Answer] ?? "";
        if (question.Length == 0)
        {
            Error(F.Question, "質問は必須です。");
        }
        else if (question.Length > FaqEditValidator.MaxQuestion)
        {
            Error(F.Question, $"質問は{FaqEditValidator.MaxQuestion}文字以内にしてください（{question.Length}文字）。");
        }

        if (answer.Trim().Length == 0)
        {
            Error(F.Answer, "回答は必須です。");
        }
        else if (answer.Length > FaqEditValidator.MaxAnswer)
        {
            Error(F.Answer, $"回答は{FaqEditValidator.MaxAnswer}文字以内にしてください（{answer.Length}文字）。");
        }

        var paraphrases = row[F.Paraphrases] is { } p ? F.Lines(p) : faq?.Paraphrases.Select(x => x.Text).ToList() ?? [];
        if (paraphrases.Count > FaqEditValidator.MaxParaphrases)
        {
            Error(F.Paraphrases, $"言い換えは{FaqEditValidator.MaxParaphrases}件までです（{paraphrases.Count}件）。");
        }

        foreach (var tooLong in paraphrases.Where(x => x.Length > FaqEditValidator.MaxQuestion))
        {
            Error(F.Paraphrases, $"言い換え「{Excerpt(tooLong)}」は{FaqEditValidator.MaxQuestion}文字以内にしてください。");
        }

        var categories = new List<(FaqCategoryKind Kind, string Name)>();
        Categories(categories, F.LifeEvents, FaqCategoryKind.LifeEvent, faq, mustExist: true);
        Categories(categories, F.Fields, FaqCategoryKind.Field, faq, mustExist: true);
        Categories(categories, F.Keywords, FaqCategoryKind.Keyword, faq, mustExist: false);
        var departments = Departments(faq);
        var visibility = Parse(F.Visibility, F.ParseVisibility, faq?.Visibility ?? FaqVisibility.Public, "公開範囲は「公開」「センター」「職員」のいずれかです。");
        var status = Parse(F.Status, F.ParseStatus, faq?.Status ?? FaqStatus.Draft, "公開状態は「下書き」「公開」「アーカイブ」のいずれかです。");
        CheckStatusMove(faq, status);
        var from = Time(F.PublishFrom, faq?.PublishFromUtc);
        var until = Time(F.PublishUntil, faq?.PublishUntilUtc);
        if (from is { } f && until is { } u && u <= f)
        {
            Error(F.PublishUntil, "公開終了は公開開始より後にしてください。");
        }

        var links = Links(faq);
        return new FaqCsvTarget(kind, faq, faq is null ? 0 : Revision(faq), question, paraphrases, answer, categories, departments, visibility, status, from, until, links,
            note.Length > 0 ? note : kind == FaqCsvChangeKind.Add ? "CSV一括登録" : "CSV一括更新");
    }

    private FaqEntry? FindFaq(FaqCsvChangeKind kind)
    {
        var text = (row[F.Id] ?? "").Trim();
        if (kind == FaqCsvChangeKind.Add)
        {
            if (text.Length > 0)
            {
                Error(F.Id, "登録の行ではIDを空欄にしてください（IDは登録時に付きます）。既存のFAQを変えるときは操作を「更新」にしてください。");
            }

            return null;
        }

        if (text.Length == 0)
        {
            Error(F.Id, "更新・削除の行にはIDが必要です。");
            return null;
        }

        if (!Guid.TryParse(text, out var id))
        {
            Error(F.Id, $"ID「{Excerpt(text)}」の形式が正しくありません。");
            return null;
        }

        if (seenIds.TryGetValue(id, out var first))
        {
            Error(F.Id, $"同じIDが{first}行目にもあります。1つのFAQは1行にしてください。");
            return null;
        }

        seenIds[id] = row.Number;
        if (!context.Faqs.TryGetValue(id, out var faq))
        {
            Error(F.Id, $"ID「{id}」のFAQはありません。");
            return null;
        }

        return faq;
    }

    private void Categories(List<(FaqCategoryKind, string)> categories, string column, FaqCategoryKind kind, FaqEntry? faq, bool mustExist)
    {
        if (row[column] is not { } cell)
        {
            categories.AddRange(faq?.Categories.Where(c => c.Kind == kind).Select(c => (kind, c.Name)) ?? []);
            return;
        }

        foreach (var name in F.Lines(cell).Distinct(StringComparer.Ordinal))
        {
            if (name.Length > FaqEditValidator.MaxCategory)
            {
                Error(column, $"{column}「{Excerpt(name)}」は{FaqEditValidator.MaxCategory}文字以内にしてください。");
            }
            else if (mustExist && !context.Categories.Contains((kind, name)))
            {
                Error(column, $"{column}「{name}」は登録されていません。");
            }
            else
            {
                categories.Add((kind, name));
            }
        }
    }

    private List<Guid> Departments(FaqEntry? faq)
    {
        if (row[F.Departments] is not { } cell)
        {
            return faq?.Owners.Select(o => o.DepartmentId).ToList() ?? [];
        }

        var ids = new List<Guid>();
        foreach (var code in F.Lines(cell).Distinct(StringComparer.Ordinal))
        {
            if (context.Departments.TryGetValue(code, out var id))
            {
                ids.Add(id);
            }
            else
            {
                Error(F.Departments, $"担当部署コード「{Excerpt(code)}」は登録されていません。");
            }
        }

        return ids;
    }

    private T Parse<T>(string column, Func<string, T?> parse, T current, string message)
        where T : struct
    {
        var text = (row[column] ?? "").Trim();
        if (text.Length == 0)
        {
            return current;
        }

        if (parse(text) is { } value)
        {
            return value;
        }

        Error(column, message);
        return current;
    }

    private void CheckStatusMove(FaqEntry? faq, FaqStatus status)
    {
        if (faq is null)
        {
            if (status == FaqStatus.Archived)
            {
                Error(F.Status, "登録の行の公開状態は「下書き」か「公開」です。");
            }
        }
        else if (faq.Status != status && ChangeFaqStatus.NoteFor(faq.Status, status) is null)
        {
            Error(F.Status, $"公開状態を「{F.StatusLabel(faq.Status)}」から「{F.StatusLabel(status)}」には変更できません。アーカイブしたFAQは「公開」にして再公開してください。");
        }
    }

    private DateTime? Time(string column, DateTime? current)
    {
        if (row[column] is not { } cell)
        {
            return current;
        }

        if (F.TryParseTime(cell.Trim(), out var utc))
        {
            return utc;
        }

        Error(column, $"{column}は「2026-04-01 09:00」の形式で入力してください。");
        return current;
    }

    private List<(string Title, string Url)> Links(FaqEntry? faq)
    {
        if (row[F.Links] is not { } cell)
        {
            return faq?.RelatedLinks.OrderBy(l => l.SortOrder).Select(l => (l.Title, l.Url)).ToList() ?? [];
        }

        var links = F.Lines(cell).Select(F.ParseLink).ToList();
        if (links.Count > FaqEditValidator.MaxLinks)
        {
            Error(F.Links, $"関連リンクは{FaqEditValidator.MaxLinks}件までです（{links.Count}件）。");
        }

        foreach (var (title, url) in links)
        {
            if (title.Length == 0 || title.Length > FaqEditValidator.MaxLinkTitle)
            {
                Error(F.Links, $"関連リンク「{Excerpt(url)}」には1〜{FaqEditValidator.MaxLinkTitle}文字の表示名を付けてください（「表示名 URL」の形で1行に1件）。");
            }
            else if (url.Length > FaqEditValidator.MaxUrl || !Site.FaqMarkdown.IsAllowedUrl(url))
            {
                Error(F.Links, $"関連リンク「{Excerpt(title)}」のURLは https:// などで始まる正しいURLか、/ で始まるサイト内のパスにしてください。");
            }
        }

        return links;
    }

    private int Revision(FaqEntry faq) => context.Revisions.TryGetValue(faq.Id, out var number) ? number : 0;

    private void Error(string column, string message) => errors.Add(new FaqCsvError(row.Number, column, message));

    private static string Excerpt(string text) => text.Length <= 20 ? text : text[..20] + "…";
}
