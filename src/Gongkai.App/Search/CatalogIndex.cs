using Gongkai.Core.Catalog;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using Microsoft.Extensions.Configuration;

namespace Gongkai.App.Search;

/// <summary>One catalog item as the index holds it: what is searched and filtered on (what is shown comes from the database).</summary>
public sealed record IndexedItem(Guid Id, string IndexNumber, string Title, string Text, string DocumentNumber, string UnitPath,
    Genre Genre, string Theme, DateOnly PublishedOn, Validity Validity, DateOnly? RepealedOn);

/// <summary>Whether searches can be answered from the index.</summary>
public enum IndexStatus
{
    Ready,

    /// <summary>Being filled from the database: results would be incomplete.</summary>
    Rebuilding,

    /// <summary>Another process holds the index folder (a CLI command on this machine, or a second portal misconfigured onto it).</summary>
    Unavailable,
}

/// <summary>
/// The Lucene index of the published catalog and of the published letters (公开选登; see CatalogIndex.Letters.cs), under Search:IndexPath (default ./data/search). It is only a cache of
/// the database: it can be deleted and rebuilt at any time. One process writes to it (an exclusive lock on a file in
/// the folder; the lock of a process that died is released by the system): the web node that follows the change log
/// (<see cref="SearchFollower"/>), or a CLI command when no node holds it. A folder that cannot be read (corrupt, a
/// half-written commit) is emptied when opened, which makes the follower rebuild it.
/// </summary>
/// <remarks>
/// Each commit carries the index's own id (<see cref="NodeId"/>) and how far it has read the change log
/// (<see cref="Position"/>), so a restart resumes where the index is, never where a database row says it was.
/// Documents are kept in publication order: segments are only merged with their neighbours
/// (<see cref="LogByteSizeMergePolicy"/>), a rebuild adds items oldest first, and new publications come last anyway.
/// So "newest first" is "from the end of the index backwards", which <see cref="NewestFirst"/> reads without touching
/// the older part. An item added out of order (an old item changed, an import of older items) is marked
/// <see cref="Late"/> and collected apart; <see cref="Sequence"/> is the order key, never decreasing along the index.
/// Letters keep their own order the same way, by <see cref="LetterSequence"/>: every document carries both keys (its
/// own, and the other kind's last one), so each is a non-decreasing key of the whole index and a search of one kind
/// reads its newest part without regard to the other.
/// </remarks>
public sealed partial class CatalogIndex : IDisposable
{
    public const string Id = "id", All = "all", Title = "title", AllGrams = "all4", TitleGrams = "title4", IndexNumber = "indexno", DocumentNumber = "docno", Unit = "unit",
        Genre = "genre", Theme = "theme", Validity = "validity", ValidityCode = "validity_code", Published = "published", Repealed = "repealed", Sequence = "seq", Late = "late";

    private const string NodeKey = "gongkai.node", PositionKey = "gongkai.position", RebuiltKey = "gongkai.rebuilt", ThroughKey = "gongkai.rebuilt-through", HeldKey = "gongkai.held";

    private static readonly FieldType Words = new(TextField.TYPE_NOT_STORED) { OmitNorms = true };

    /// <summary>Four-character grams: which items hold them, no positions (see <see cref="CatalogAnalyzer.GramLength"/>).</summary>
    private static readonly FieldType Grams = new(TextField.TYPE_NOT_STORED) { OmitNorms = true, IndexOptions = IndexOptions.DOCS_ONLY };

    private readonly string path;
    private readonly int bulkChunk;
    private readonly Lucene.Net.Store.Directory directory;
    private readonly System.Threading.Lock opening = new();
    private readonly System.Threading.Lock order = new();
    private IndexWriter? writer;
    private FileStream? folderLock;
    private SearcherManager? searchers;
    private int? lastSequence, lastLetterSequence;
    private volatile bool rebuilding;
    private List<Guid> held = [];

    public CatalogIndex(IConfiguration configuration)
    {
        path = Path.GetFullPath(configuration["Search:IndexPath"] ?? "data/search");
        bulkChunk = configuration.GetValue("Search:BulkChunk", BulkChunk);
        System.IO.Directory.CreateDirectory(path);
        directory = FSDirectory.Open(path);
    }

    /// <summary>The index folder.</summary>
    public string Folder => path;

    /// <summary>Whether this process holds the index (opened it for writing).</summary>
    public bool IsOpen => writer is not null;

    /// <summary>Why a search cannot be answered now, if it cannot.</summary>
    public IndexStatus Status => rebuilding ? IndexStatus.Rebuilding : writer is null && !TryOpen() ? IndexStatus.Unavailable : IndexStatus.Ready;

    /// <summary>Set by the follower while it fills the index from the database.</summary>
    public bool Rebuilding { get => rebuilding; set => rebuilding = value; }

    /// <summary>This index's id in the change log's node table (new for a new or emptied folder).</summary>
    public Guid NodeId { get; private set; }

    /// <summary>Every change-log entry up to this id is in the index (as of its last commit).</summary>
    public long Position { get; private set; }

    /// <summary>
    /// The bulk writes whose change-log entries this index already holds (their entries carry the batch id as
    /// <see cref="SearchChange.Origin"/>): named in the same commit that made their items durable here.
    /// </summary>
    public IReadOnlyList<Guid> Held => held;

    /// <summary>The last change-log entry written when the last rebuild began: a rebuild request up to it is satisfied.</summary>
    public long RebuiltThrough { get; private set; }

    /// <summary>When the index was last rebuilt from the database (null: never — a new or emptied folder).</summary>
    public DateTime? RebuiltAt { get; private set; }

    /// <summary>
    /// Opens the index for writing unless another process holds it (then false, after Lucene's short wait). An
    /// unreadable folder is emptied and started afresh.
    /// </summary>
    public bool TryOpen()
    {
        lock (opening)
        {
            if (writer is not null)
                return true;
            if (!TakeFolder())
                return false;
            try
            {
                writer = NewWriter(OpenMode.CREATE_OR_APPEND);
            }
            catch (LockObtainFailedException)
            {
                ReleaseFolder();
                return false;
            }
            catch (Exception e) when (e is IOException or CorruptIndexException or IndexFormatTooOldException or IndexFormatTooNewException)
            {
                // Not the lock (that is LockObtainFailedException, above): the files themselves. The index is a cache.
                Corrupted = e;
                foreach (var file in System.IO.Directory.EnumerateFiles(path).Where(f => Path.GetFileName(f) is not ("write.lock" or "gongkai.lock")))
                    File.Delete(file);
                writer = NewWriter(OpenMode.CREATE);
            }
            var data = writer.CommitData;
            NodeId = data.TryGetValue(NodeKey, out var node) && Guid.TryParse(node, out var id) ? id : Guid.NewGuid();
            Position = data.TryGetValue(PositionKey, out var position) && long.TryParse(position, out var p) ? p : 0;
            RebuiltThrough = data.TryGetValue(ThroughKey, out var through) && long.TryParse(through, out var t) ? t : 0;
            held = data.TryGetValue(HeldKey, out var batches) ? [.. batches.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Guid.Parse)] : [];
            RebuiltAt = data.TryGetValue(RebuiltKey, out var rebuilt) && DateTime.TryParse(rebuilt, null, System.Globalization.DateTimeStyles.RoundtripKind, out var at) ? at : null;
            searchers = new SearcherManager(writer, true, null);
            return true;
        }
    }

    /// <summary>
    /// Takes the folder for this process: an exclusive lock on <c>gongkai.lock</c>, which the system releases when the
    /// process ends however it ends. Lucene's own write.lock is not enough here: Lucene.NET's native lock does not keep
    /// another process out on Linux (measured: `gongkai search rebuild` wrote beside a running portal).
    /// </summary>
    private bool TakeFolder()
    {
        try
        {
            folderLock = new FileStream(Path.Combine(path, "gongkai.lock"), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void ReleaseFolder()
    {
        folderLock?.Dispose();
        folderLock = null;
    }

    /// <summary>Why the folder was emptied when it was opened, if it was (for the log).</summary>
    public Exception? Corrupted { get; private set; }

    private IndexWriter Writer => writer ?? (TryOpen() ? writer! : throw new LockObtainFailedException($"检索索引 {path} 正被另一进程使用。"));

    private IndexWriter NewWriter(OpenMode mode) => new(directory, new IndexWriterConfig(CatalogAnalyzer.Version, new CatalogAnalyzer())
    {
        OpenMode = mode,
        RAMBufferSizeMB = 256,
        MergePolicy = new LogByteSizeMergePolicy(),
    });

    /// <summary>Adds or replaces an item. Safe to call from several threads.</summary>
    public void Upsert(IndexedItem item)
    {
        Document document;
        lock (order)
        {
            var (sequence, late) = Place(ref lastSequence, item.PublishedOn.DayNumber);
            document = ToDocument(item, sequence, late);
            document.Add(new NumericDocValuesField(LetterSequence, lastLetterSequence!.Value));
            // Added under the lock, so that the other kind's key it carries is never behind a document added before it.
            Writer.UpdateDocument(new Term(Id, item.Id.ToString("N")), document);
        }
    }

    /// <summary>A document's place in its kind's order: its day, or (late) the last key when it is older than that.</summary>
    private (int Sequence, bool Late) Place(ref int? last, int day)
    {
        if (lastSequence is null || lastLetterSequence is null)
            (lastSequence, lastLetterSequence) = ReadLastSequences();
        var late = day < last!.Value;
        last = late ? last.Value : day;
        return (last.Value, late);
    }

    public void Delete(Guid id) => Writer.DeleteDocuments(new Term(Id, id.ToString("N")));

    public void Clear()
    {
        lock (order)
        {
            Writer.DeleteAll();
            (lastSequence, lastLetterSequence) = (0, 0);
        }
    }

    /// <summary>
    /// Empties the index and forgets where it was in the change log (a restored database has another log): it is a
    /// new node to the follower, which rebuilds it from the database.
    /// </summary>
    public void Reset()
    {
        Clear();
        (NodeId, Position, RebuiltAt, RebuiltThrough, held) = (Guid.NewGuid(), 0, null, 0, []);
        var data = new Dictionary<string, string> { [NodeKey] = NodeId.ToString() };
        Writer.SetCommitData(data);
        Writer.Commit();
        searchers!.MaybeRefreshBlocking();
    }

    /// <summary>Makes the changes durable and visible to searches, with how far the change log has been read.</summary>
    /// <param name="position">Every change-log entry up to this id is now in the index (unchanged when null).</param>
    /// <param name="rebuiltAt">When the rebuild that this commit ends started.</param>
    /// <param name="hold">A bulk write whose items this commit makes durable (the last few are kept).</param>
    /// <param name="rebuiltThrough">The last change-log entry written when that rebuild began.</param>
    public void Commit(long? position = null, DateTime? rebuiltAt = null, Guid? hold = null, long? rebuiltThrough = null)
    {
        Position = position ?? Position;
        RebuiltAt = rebuiltAt ?? RebuiltAt;
        RebuiltThrough = rebuiltThrough ?? RebuiltThrough;
        if (hold is { } batch)
            held = [.. held.Append(batch).TakeLast(16)];
        var data = new Dictionary<string, string>
        {
            [NodeKey] = NodeId.ToString(),
            [PositionKey] = Position.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [HeldKey] = string.Join(',', held),
            [ThroughKey] = RebuiltThrough.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        if (RebuiltAt is { } at)
            data[RebuiltKey] = at.ToString("O");
        Writer.SetCommitData(data);
        Writer.Commit();
        searchers!.MaybeRefreshBlocking();
    }

    /// <summary>The newest publication date in the index: an item published before it would be added out of order.</summary>
    public DateOnly? NewestPublication()
    {
        lock (order)
        {
            if (lastSequence is null)
                (lastSequence, lastLetterSequence) = ReadLastSequences();
            return lastSequence > 0 ? DateOnly.FromDayNumber(lastSequence.Value) : null;
        }
    }

    public T Search<T>(Func<IndexSearcher, T> search)
    {
        _ = Writer;
        searchers!.MaybeRefresh();
        var searcher = searchers.Acquire();
        try
        {
            return search(searcher);
        }
        finally
        {
            searchers.Release(searcher);
        }
    }

    /// <summary>Both order keys of the last document: the largest, as they never decrease along the index.</summary>
    private (int Items, int Letters) ReadLastSequences()
    {
        using var reader = Writer.GetReader(true);
        // The last live document: a deleted one (a bulk addition given up) may carry a later key than any item held.
        var (atomic, doc) = reader.Leaves.Reverse().Select(l => (l.AtomicReader, Doc: LastLive(l.AtomicReader))).FirstOrDefault(l => l.Doc >= 0);
        if (atomic is null)
            return (0, 0);
        // An index written before letters were searched has no letter key: 0, before any letter.
        return ((int)(atomic.GetNumericDocValues(Sequence)?.Get(doc) ?? 0), (int)(atomic.GetNumericDocValues(LetterSequence)?.Get(doc) ?? 0));
    }

    private static int LastLive(AtomicReader reader)
    {
        var doc = reader.MaxDoc - 1;
        while (doc >= 0 && reader.LiveDocs is { } live && !live.Get(doc))
            doc--;
        return doc;
    }

    private static Document ToDocument(IndexedItem i, int sequence, bool late)
    {
        var all = $"{i.Title}\n{i.Text}";
        var document = new Document
        {
            new StringField(Id, i.Id.ToString("N"), Field.Store.YES),
            new StringField(IndexNumber, i.IndexNumber, Field.Store.NO),
            new StringField(Genre, i.Genre.ToString(), Field.Store.NO),
            new StringField(Theme, i.Theme.Split('\\')[0], Field.Store.NO),
            new StringField(Validity, i.Validity.ToString(), Field.Store.NO),
            new NumericDocValuesField(ValidityCode, (int)i.Validity),
            new NumericDocValuesField(Published, i.PublishedOn.DayNumber),
            new NumericDocValuesField(Repealed, i.RepealedOn?.DayNumber ?? 0),
            new NumericDocValuesField(Sequence, sequence),
            new NumericDocValuesField(Late, late ? 1 : 0),
            new Field(Title, i.Title, Words),
            new Field(All, all, Words),
            new Field(TitleGrams, i.Title, Grams),
            new Field(AllGrams, all, Grams),
        };
        if (i.DocumentNumber.Length > 0)
            document.Add(new StringField(DocumentNumber, i.DocumentNumber, Field.Store.NO));
        if (late)
            document.Add(new StringField(Late, "1", Field.Store.NO));
        // The unit and every unit above it, so that a subtree is one term.
        for (var end = i.UnitPath.IndexOf('/', 1); end > 0; end = i.UnitPath.IndexOf('/', end + 1))
            document.Add(new StringField(Unit, i.UnitPath[..(end + 1)], Field.Store.NO));
        return document;
    }

    public void Dispose()
    {
        searchers?.Dispose();
        writer?.Dispose();
        ReleaseFolder();
        directory.Dispose();
    }
}
