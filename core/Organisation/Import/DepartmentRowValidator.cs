using System.Net.Mail;
using System.Text;

namespace ConversationHub.Core.Organisation.Import;

/// <summary>
/// Validates every row of an organisation CSV against <see cref="DepartmentLimits"/>, the rest of the file and the
/// departments already stored, collecting all errors rather than stopping at the first.
/// </summary>
internal static class DepartmentRowValidator
{
    /// <summary>Returns the normalised rows; they may be written only when <paramref name="errors"/> stays empty.</summary>
    /// <param name="rows">The records read from the file.</param>
    /// <param name="existingParents">Every stored department's code and its parent's code (null at the top).</param>
    /// <param name="errors">Receives every problem, in file order.</param>
    public static IReadOnlyList<DepartmentImportRow> Validate(
        IReadOnlyList<DepartmentCsvRow> rows,
        IReadOnlyDictionary<string, string?> existingParents,
        List<DepartmentImportError> errors)
    {
        var valid = new List<DepartmentImportRow>(rows.Count);
        var firstLineByCode = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowErrors = new List<DepartmentImportError>();

        foreach (var row in rows)
        {
            rowErrors.Clear();
            var code = ValidateCode(row, rowErrors);
            var name = ValidateRequired(row.Line, DepartmentCsvColumn.DepartmentName, row.Name, DepartmentLimits.NameLength, rowErrors);
            var kana = ValidateKana(row, rowErrors);
            var parent = ValidateParentFormat(row, code, rowErrors);
            var email = ValidateEmail(row, rowErrors);
            var extension = ValidateExtension(row, rowErrors);
            var active = ValidateActive(row, rowErrors);

            if (code is not null && !firstLineByCode.TryAdd(code, row.Line))
            {
                rowErrors.Add(Error(row.Line, DepartmentCsvColumn.Code, DepartmentImportErrorCodes.DuplicateCode,
                    $"組織コード「{code}」が重複しています（{firstLineByCode[code]} 行目と同じ）。"));
            }

            errors.AddRange(rowErrors);
            if (rowErrors.Count == 0)
            {
                valid.Add(new DepartmentImportRow(row.Line, code!, name!, kana!, parent, email, extension, active));
            }
        }

        ValidateHierarchy(valid, existingParents, errors);
        // Stable: a line's own errors keep their column order ahead of its hierarchy errors.
        var ordered = errors.OrderBy(e => e.Line ?? 0).ToList();
        errors.Clear();
        errors.AddRange(ordered);
        return valid;
    }

    // Parents are checked once every row is known, so a child may come before its parent in the file.
    private static void ValidateHierarchy(
        List<DepartmentImportRow> rows,
        IReadOnlyDictionary<string, string?> existingParents,
        List<DepartmentImportError> errors)
    {
        // The hierarchy after the import: stored departments, overridden by the file's rows.
        var parents = new Dictionary<string, string?>(existingParents, StringComparer.Ordinal);
        foreach (var row in rows)
        {
            parents[row.Code] = row.ParentCode;
        }

        foreach (var row in rows)
        {
            if (row.ParentCode is null)
            {
                continue;
            }

            if (!parents.ContainsKey(row.ParentCode))
            {
                errors.Add(Error(row.Line, DepartmentCsvColumn.ParentCode, DepartmentImportErrorCodes.UnknownParent,
                    $"上位組織コード「{row.ParentCode}」の組織がファイルにもシステムにも存在しません。"));
                continue;
            }

            // Stored rows were acyclic, so any cycle now runs through a row of the file; walking up from each row
            // reports every file row on a cycle. The visited set stops walks that enter a cycle without closing it.
            var visited = new HashSet<string>(StringComparer.Ordinal) { row.Code };
            var path = new List<string> { row.Code };
            for (var current = row.ParentCode; current is not null && parents.TryGetValue(current, out var next); current = next)
            {
                path.Add(current);
                if (string.Equals(current, row.Code, StringComparison.Ordinal))
                {
                    errors.Add(Error(row.Line, DepartmentCsvColumn.ParentCode, DepartmentImportErrorCodes.Cycle,
                        $"組織の親子関係が循環しています: {string.Join(" → ", path)}"));
                    break;
                }

                if (!visited.Add(current))
                {
                    break;
                }
            }
        }
    }

    private static string? ValidateCode(DepartmentCsvRow row, List<DepartmentImportError> errors)
    {
        var code = ValidateRequired(row.Line, DepartmentCsvColumn.Code, Nfkc(row.Code), DepartmentLimits.CodeLength, errors);
        if (code is not null && !IsCode(code))
        {
            errors.Add(Error(row.Line, DepartmentCsvColumn.Code, DepartmentImportErrorCodes.InvalidCode,
                $"組織コードには半角英数字、ハイフン（-）、アンダースコア（_）のみ使用できます: {code}"));
            return null;
        }

        return code;
    }

    private static string? ValidateParentFormat(DepartmentCsvRow row, string? code, List<DepartmentImportError> errors)
    {
        var parent = Nfkc(row.ParentCode);
        if (string.IsNullOrEmpty(parent))
        {
            return null;
        }

        if (parent.Length > DepartmentLimits.CodeLength || !IsCode(parent))
        {
            // Such a code cannot exist, so it is reported as unknown rather than with a second format message.
            errors.Add(Error(row.Line, DepartmentCsvColumn.ParentCode, DepartmentImportErrorCodes.UnknownParent,
                $"上位組織コード「{parent}」の組織がファイルにもシステムにも存在しません。"));
            return null;
        }

        if (string.Equals(parent, code, StringComparison.Ordinal))
        {
            errors.Add(Error(row.Line, DepartmentCsvColumn.ParentCode, DepartmentImportErrorCodes.Cycle,
                $"組織の親子関係が循環しています: 上位組織コードに自分自身（{code}）が指定されています。"));
            return null;
        }

        return parent;
    }

    private static string? ValidateKana(DepartmentCsvRow row, List<DepartmentImportError> errors)
    {
        // NFKC turns half-width katakana (ｼﾐﾝｶ) and the ideographic space into their standard forms.
        var kana = ValidateRequired(row.Line, DepartmentCsvColumn.Kana, Nfkc(row.Kana), DepartmentLimits.NameLength, errors);
        if (kana is not null && !kana.All(IsKanaChar))
        {
            errors.Add(Error(row.Line, DepartmentCsvColumn.Kana, DepartmentImportErrorCodes.InvalidKana,
                $"読みはカタカナまたはひらがなで入力してください: {kana}"));
            return null;
        }

        return kana;
    }

    private static string? ValidateEmail(DepartmentCsvRow row, List<DepartmentImportError> errors)
    {
        var email = Nfkc(row.Email);
        if (string.IsNullOrEmpty(email))
        {
            return null;
        }

        if (email.Length > DepartmentLimits.EmailLength)
        {
            errors.Add(TooLong(row.Line, DepartmentCsvColumn.Email, email, DepartmentLimits.EmailLength));
            return null;
        }

        // MailAddress also accepts "市民課 <a@b>" and "a@b (comment)"; only the bare address itself is allowed.
        if (email.Any(char.IsWhiteSpace)
            || !MailAddress.TryCreate(email, out var address)
            || address.DisplayName.Length > 0
            || !string.Equals(address.Address, email, StringComparison.Ordinal))
        {
            errors.Add(Error(row.Line, DepartmentCsvColumn.Email, DepartmentImportErrorCodes.InvalidEmail,
                $"メールアドレスの形式が正しくありません: {email}"));
            return null;
        }

        return email;
    }

    private static string? ValidateExtension(DepartmentCsvRow row, List<DepartmentImportError> errors)
    {
        var extension = NormaliseDashes(Nfkc(row.Extension));
        if (string.IsNullOrEmpty(extension))
        {
            return null;
        }

        if (extension.Length > DepartmentLimits.ExtensionLength)
        {
            errors.Add(TooLong(row.Line, DepartmentCsvColumn.Extension, extension, DepartmentLimits.ExtensionLength));
            return null;
        }

        if (!extension.All(c => char.IsAsciiDigit(c) || c == '-'))
        {
            errors.Add(Error(row.Line, DepartmentCsvColumn.Extension, DepartmentImportErrorCodes.InvalidExtension,
                $"内線番号には数字とハイフン（-）のみ使用できます: {extension}"));
            return null;
        }

        return extension;
    }

    private static bool ValidateActive(DepartmentCsvRow row, List<DepartmentImportError> errors)
    {
        var value = Nfkc(row.Active);
        switch (value?.ToUpperInvariant())
        {
            case null or "" or "TRUE" or "1" or "有効" or "○" or "◯" or "〇":
                return true;
            case "FALSE" or "0" or "無効" or "×" or "✕":
                return false;
            default:
                errors.Add(Error(row.Line, DepartmentCsvColumn.Active, DepartmentImportErrorCodes.InvalidActive,
                    $"有効の値が正しくありません（true/false、1/0、有効/無効、○/× のいずれかを入力してください）: {value}"));
                return true;
        }
    }

    private static string? ValidateRequired(int line, DepartmentCsvColumn column, string? value, int maxLength, List<DepartmentImportError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(Error(line, column, DepartmentImportErrorCodes.Required, $"{column.Label}を入力してください。"));
            return null;
        }

        if (value.Length > maxLength)
        {
            errors.Add(TooLong(line, column, value, maxLength));
            return null;
        }

        return value;
    }

    private static DepartmentImportError TooLong(int line, DepartmentCsvColumn column, string value, int maxLength) =>
        Error(line, column, DepartmentImportErrorCodes.TooLong,
            $"{column.Label}は {maxLength} 文字以内で入力してください（{value.Length} 文字）。");

    private static DepartmentImportError Error(int line, DepartmentCsvColumn column, string code, string message) =>
        new(line, column.Name, code, message);

    // Full-width letters and digits (ＡＢ１２) as typed with a Japanese IME become ASCII.
    private static string? Nfkc(string? value) => value?.Normalize(NormalizationForm.FormKC).Trim();

    // Dash look-alikes that NFKC keeps (‐ ‑ ‒ – — ― −) are what people type for the hyphen in 123-4567.
    private static string? NormaliseDashes(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var builder = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            builder.Append(c is (>= '\u2010' and <= '\u2015') or '\u2212' ? '-' : c);
        }

        return builder.ToString();
    }

    private static bool IsCode(string value) => value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static bool IsKanaChar(char c) =>
        c is (>= '\u3041' and <= '\u3096') // hiragana ぁ..ゖ
            or (>= '\u309D' and <= '\u309E') // ゝ ゞ
            or (>= '\u30A1' and <= '\u30FA') // katakana ァ..ヺ
            or '\u30FB' // ・ middle dot
            or '\u30FC' // ー long vowel mark
            or (>= '\u30FD' and <= '\u30FE') // ヽ ヾ
            or ' ';
}
