using System.Globalization;
using Gongkai.App.Data;
using Gongkai.App.Letters;
using Gongkai.Core.Letters;
using Gongkai.Core.Units;
using Microsoft.EntityFrameworkCore;

namespace Gongkai.Web.Pages.Hdjl;

/// <summary>The open mailboxes in the order the public sees them, and the filters of the published letters (pages and API alike).</summary>
public static class LetterChoices
{
    /// <param name="Key">The mailbox key of the URLs and the API: the unit's code, or <see cref="WriteLetter.ErrorChannel"/>.</param>
    public sealed record MailboxChoice(string Key, string Name, string Unit, string Introduction, bool IsTop);

    /// <summary>
    /// The open mailboxes: the top unit's (市长信箱) first, then in the unit tree's order (each level by its units' sort
    /// order), a mailbox's own sort order before that when the office set one.
    /// </summary>
    public static async Task<IReadOnlyList<MailboxChoice>> OpenMailboxesAsync(GongkaiDb db, CancellationToken ct = default)
    {
        var boxes = await db.Mailboxes.AsNoTracking().Where(m => m.IsOpen)
            .Select(m => new { m.Name, m.Introduction, m.SortOrder, m.Unit.Code, m.Unit.FullName, m.Unit.Path, Top = m.Unit.ParentId == null })
            .ToListAsync(ct);
        if (boxes.Count == 0)
            return [];
        var order = await db.Units.AsNoTracking().Select(u => new { u.Id, u.SortOrder }).ToDictionaryAsync(u => u.Id.ToString("N"), u => u.SortOrder, ct);
        string TreeKey(string path) => string.Join('.', path.Split('/', StringSplitOptions.RemoveEmptyEntries)
            .Select(id => order.GetValueOrDefault(id).ToString("D6", CultureInfo.InvariantCulture) + id));
        return [.. boxes.OrderBy(b => b.Top ? 0 : 1).ThenBy(b => b.SortOrder).ThenBy(b => TreeKey(b.Path))
            .Select(b => new MailboxChoice(b.Code, b.Name, b.FullName, b.Introduction, b.Top))];
    }

    /// <summary>The filter choices of the published letters: every open mailbox and the website-error channel.</summary>
    public static async Task<IReadOnlyList<(string Key, string Name)>> MailboxFilterAsync(GongkaiDb db, CancellationToken ct = default) =>
        [.. (await OpenMailboxesAsync(db, ct)).Select(m => (m.Key, m.Name)), (WriteLetter.ErrorChannel, ErrorChannelName)];

    public const string ErrorChannelName = "我为政府网站找错";

    /// <summary>
    /// A mailbox filter as given (a unit's code in any case, or <see cref="WriteLetter.ErrorChannel"/>): the key to search
    /// by, or the Chinese problem when no unit has that code. A closed mailbox's published letters can still be filtered.
    /// </summary>
    public static async Task<(string? Key, string? Problem)> MailboxFilterKeyAsync(GongkaiDb db, string? text, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, null);
        if (string.Equals(text.Trim(), WriteLetter.ErrorChannel, StringComparison.OrdinalIgnoreCase))
            return (WriteLetter.ErrorChannel, null);
        return OrganisationCode.TryParse(text, out var code, out _) && await db.Units.AnyAsync(u => u.Code == code!.Value, ct)
            ? (code!.Value, null) : (null, $"没有代码为“{text.Trim()}”的信箱（信箱以所属单位的统一社会信用代码表示，网站找错为 {WriteLetter.ErrorChannel}）。");
    }

    /// <summary>Every type the public can see in a filter, mailbox types first, 找错 last.</summary>
    public static IReadOnlyList<LetterType> Types => Enum.GetValues<LetterType>();

    /// <summary>A date as the filters take it (YYYY-MM-DD), or the Chinese problem.</summary>
    public static (DateOnly? Date, string? Problem) Date(string? text, string label)
    {
        if (string.IsNullOrWhiteSpace(text))
            return (null, null);
        return DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? (date, null) : (null, $"{label}格式不正确，应为“年-月-日”（如 2026-03-01）。");
    }

    /// <summary>A date as the pages print it: 2026年3月1日.</summary>
    public static string Chinese(DateOnly date) => date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture);
}
