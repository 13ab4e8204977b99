using Gongkai.Core.Letters;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace Gongkai.App.Search;

/// <summary>
/// A published letter (公开选登) as the index holds it: only what the public may read — the published subject, content
/// and answer as the office edited them — and what the public filters by.
/// </summary>
/// <param name="Mailbox">The mailbox key the public filters by: the unit code, or <see cref="Letters.WriteLetter.ErrorChannel"/>.</param>
/// <param name="AnsweredOn">The order of the results (newest answer first); null for a published letter handled again.</param>
public sealed record IndexedLetter(Guid Id, string Subject, string Content, string Answer, string Mailbox, LetterType Type,
    DateOnly ReceivedOn, DateOnly? AnsweredOn, DateOnly PublishedOn);

public sealed partial class CatalogIndex
{
    /// <summary>
    /// Letters' fields. Their words are in fields of their own (<see cref="LetterAll"/>, <see cref="LetterAllGrams"/>), so
    /// a catalog query, which always names a catalog field, never matches a letter and costs what it cost before; only
    /// a catalog query with no word and no filter needs <see cref="CatalogOnly"/>.
    /// </summary>
    public const string Kind = "kind", LetterAll = "lall", LetterAllGrams = "lall4", Mailbox = "mailbox", LetterType = "ltype",
        LetterSequence = "lseq", Answered = "answered", Received = "received", ReceivedMonth = "rmonth";

    /// <summary>A month of arrival as <see cref="ReceivedMonth"/> holds it: a date range is a few terms (see <see cref="LetterSearch"/>).</summary>
    public static string MonthTerm(DateOnly day) => day.ToString("yyyyMM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The value of <see cref="Kind"/> on letters (catalog items have no <see cref="Kind"/>: indexes older than letters need no rebuild).</summary>
    public const string LetterKind = "letter";

    /// <summary>Every catalog item: every document but the letters.</summary>
    public static Query CatalogOnly => new BooleanQuery
    {
        { new MatchAllDocsQuery(), Occur.MUST },
        { new TermQuery(new Term(Kind, LetterKind)), Occur.MUST_NOT },
    };

    /// <summary>Every letter.</summary>
    public static Query LettersOnly => new TermQuery(new Term(Kind, LetterKind));

    private static readonly FieldType LetterText = new(TextField.TYPE_NOT_STORED) { OmitNorms = true };
    private static readonly FieldType LetterGrams = new(TextField.TYPE_NOT_STORED) { OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY };

    /// <summary>Adds or replaces a published letter, in the letters' publication order. Safe to call from several threads.</summary>
    public void Upsert(IndexedLetter letter)
    {
        lock (order)
        {
            var (sequence, late) = Place(ref lastLetterSequence, letter.PublishedOn.DayNumber);
            var text = $"{letter.Subject}\n{letter.Content}\n{letter.Answer}";
            var document = new Document
            {
                new StringField(Id, letter.Id.ToString("N"), Field.Store.YES),
                new StringField(Kind, LetterKind, Field.Store.NO),
                new StringField(Mailbox, letter.Mailbox, Field.Store.NO),
                new StringField(LetterType, letter.Type.ToString(), Field.Store.NO),
                new StringField(ReceivedMonth, MonthTerm(letter.ReceivedOn), Field.Store.NO),
                new NumericDocValuesField(LetterSequence, sequence),
                new NumericDocValuesField(Sequence, lastSequence!.Value),
                new NumericDocValuesField(Answered, (letter.AnsweredOn ?? letter.PublishedOn).DayNumber),
                new NumericDocValuesField(Received, letter.ReceivedOn.DayNumber),
                new NumericDocValuesField(Late, late ? 1 : 0),
                new Field(LetterAll, text, LetterText),
                new Field(LetterAllGrams, text, LetterGrams),
            };
            if (late)
                document.Add(new StringField(Late, "1", Field.Store.NO));
            Writer.UpdateDocument(new Term(Id, letter.Id.ToString("N")), document);
        }
    }

    /// <summary>The newest publication date of a letter in the index: a letter published before it would be added out of order.</summary>
    public DateOnly? NewestLetterPublication()
    {
        lock (order)
        {
            if (lastSequence is null || lastLetterSequence is null)
                (lastSequence, lastLetterSequence) = ReadLastSequences();
            return lastLetterSequence > 0 ? DateOnly.FromDayNumber(lastLetterSequence.Value) : null;
        }
    }
}
