using Gongkai.App.Letters;

namespace Gongkai.App.Search;

/// <summary>Published letters as the index holds them, read from the database (or from a letter being written).</summary>
public static class IndexedLetters
{
    /// <summary>The key the public filters a letter by: its mailbox's unit code, or the error channel's.</summary>
    public static string MailboxKey(Letter letter, string mailboxUnitCode) =>
        letter.Channel == LetterChannel.SiteError ? WriteLetter.ErrorChannel : mailboxUnitCode;

    /// <summary>A published letter as the index holds it, from the letter itself (bulk writes, which index while they write).</summary>
    public static IndexedLetter From(Letter l, string mailboxUnitCode) => new(l.Id, l.PublishedSubject, l.PublishedContent, l.PublishedAnswer,
        MailboxKey(l, mailboxUnitCode), l.Type, l.ReceivedOn, l.AnsweredOn, l.PublishedOn!.Value);

    /// <summary>Whether a letter belongs in the index: published, and so with a publication date.</summary>
    public static bool IsPublished(Letter l) => l.Published && l.PublishedOn is not null;

    /// <summary>The published ones of <paramref name="letters"/>, read for the index.</summary>
    public static IQueryable<IndexedLetter> Published(IQueryable<Letter> letters) => letters
        .Where(l => l.Published && l.PublishedOn != null)
        .Select(l => new IndexedLetter(l.Id, l.PublishedSubject, l.PublishedContent, l.PublishedAnswer,
            l.Channel == LetterChannel.SiteError ? WriteLetter.ErrorChannel : l.MailboxUnit.Code, l.Type, l.ReceivedOn, l.AnsweredOn, l.PublishedOn!.Value));
}
