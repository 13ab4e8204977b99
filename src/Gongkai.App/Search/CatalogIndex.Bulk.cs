using System.Collections.Concurrent;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Store;

namespace Gongkai.App.Search;

public sealed partial class CatalogIndex
{
    /// <summary>
    /// Items a partition holds: about what the single writer flushed as one segment (its 256 MB buffer), so that each
    /// item is merged about as often as before.
    /// </summary>
    public const int BulkChunk = 25_000;

    /// <summary>
    /// Starts adding many new items (none in the index yet, none older than <see cref="NewestPublication"/>) in
    /// publication order on <paramref name="threads"/> threads: consecutive runs of items are indexed apart, each into a
    /// folder of its own beside the index, and joined into the index in their order as soon as every run before them is
    /// (<see cref="IndexWriter.AddIndexes(Lucene.Net.Store.Directory[])"/> appends segments in the order given, and
    /// segments merge only with their neighbours), so the index keeps publication order and merges while items are
    /// still coming. Nothing is committed: <see cref="Commit"/> after <see cref="BulkAddition.Complete"/> makes the
    /// items durable; an addition given up (disposed before completing) deletes what it joined. No other write to the
    /// index may run meanwhile.
    /// </summary>
    /// <param name="chunk">Items a partition holds (default <c>Search:BulkChunk</c>, else <see cref="BulkChunk"/>; tests make it small).</param>
    public BulkAddition BeginBulk(int threads, int? chunk = null) => new(this, Math.Max(1, threads), Math.Max(1, chunk ?? bulkChunk));

    /// <summary>See <see cref="BeginBulk"/>.</summary>
    public sealed class BulkAddition : IDisposable
    {
        private readonly CatalogIndex index;
        private readonly string folder;
        private readonly BlockingCollection<(int Number, List<(IndexedItem Item, int Sequence, int LetterSequence)> Items)> chunks;
        private readonly Thread[] workers;
        private readonly int size;
        private readonly System.Threading.Lock joining = new();
        private readonly SortedDictionary<int, (string Partition, List<Guid> Ids)> finished = [];
        private readonly List<Guid> joined = [];
        private int next;
        private Exception? failed;
        private List<(IndexedItem, int, int)> current = [];
        private int count;
        private bool done;

        internal BulkAddition(CatalogIndex index, int threads, int chunk)
        {
            (this.index, size) = (index, chunk);
            foreach (var stale in System.IO.Directory.EnumerateDirectories(Path.GetDirectoryName(index.path)!, Path.GetFileName(index.path) + ".bulk-*"))
                System.IO.Directory.Delete(stale, recursive: true);   // left by a process that died while adding
            folder = $"{index.path}.bulk-{Guid.NewGuid():N}";
            System.IO.Directory.CreateDirectory(folder);
            // Bounded: a run waits while every thread is busy, so memory holds a few runs at most.
            chunks = new(threads);
            workers = [.. Enumerable.Range(0, threads).Select(_ => new Thread(Work) { Name = "gk-index", IsBackground = true })];
            foreach (var worker in workers)
                worker.Start();
        }

        /// <summary>Adds the next item (called in publication order, from one thread; waits while every thread is busy).</summary>
        public void Add(IndexedItem item)
        {
            lock (index.order)
            {
                var (sequence, late) = index.Place(ref index.lastSequence, item.PublishedOn.DayNumber);
                if (late)
                    throw new InvalidOperationException("A bulk addition takes items in publication order.");
                current.Add((item, sequence, index.lastLetterSequence!.Value));
            }
            if (current.Count == size)
                Send();
        }

        private void Send()
        {
            if (current.Count == 0)
                return;
            try
            {
                chunks.Add((count++, current));
            }
            catch (InvalidOperationException) when (failed is not null)
            {
                throw new InvalidOperationException("检索索引写入失败。", failed);
            }
            current = [];
        }

        private void Work()
        {
            try
            {
                foreach (var (number, items) in chunks.GetConsumingEnumerable())
                {
                    var partition = Write(number, items);
                    lock (joining)
                    {
                        finished[number] = (partition, [.. items.Select(i => i.Item.Id)]);
                        while (finished.Remove(next, out var ready))
                        {
                            Join(ready.Partition);
                            joined.AddRange(ready.Ids);
                            next++;
                        }
                    }
                }
            }
            catch (Exception e)
            {
                failed = e;
                chunks.CompleteAdding();   // the adding thread then fails instead of waiting for a thread that is gone
            }
        }

        private string Write(int number, List<(IndexedItem Item, int Sequence, int LetterSequence)> items)
        {
            var partition = Path.Combine(folder, number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture));
            using (var directory = FSDirectory.Open(partition))
            using (var writer = new IndexWriter(directory, new IndexWriterConfig(CatalogAnalyzer.Version, new CatalogAnalyzer())
            {
                OpenMode = OpenMode.CREATE,
                RAMBufferSizeMB = 1024,   // one flush, at the end: one segment
                MaxBufferedDocs = IndexWriterConfig.DISABLE_AUTO_FLUSH,
                MergePolicy = NoMergePolicy.NO_COMPOUND_FILES,
                UseCompoundFile = false,
            }))
            {
                foreach (var (item, sequence, letterSequence) in items)
                {
                    var document = ToDocument(item, sequence, late: false);
                    document.Add(new NumericDocValuesField(LetterSequence, letterSequence));
                    writer.AddDocument(document);
                }
                writer.Commit();
            }
            return partition;
        }

        /// <summary>Appends a partition's segment to the index (after every earlier partition); it merges with its neighbours as usual.</summary>
        private void Join(string partition)
        {
            using (var directory = FSDirectory.Open(partition))
                index.Writer.AddIndexes(directory);
            index.Writer.MaybeMerge();
            System.IO.Directory.Delete(partition, recursive: true);
        }

        /// <summary>Waits for the threads and the last joins (not yet committed: <see cref="Commit"/> makes the items durable).</summary>
        public void Complete()
        {
            Send();
            chunks.CompleteAdding();
            foreach (var worker in workers)
                worker.Join();
            if (failed is not null)
                throw new InvalidOperationException("检索索引写入失败。", failed);
            done = true;
            Dispose();
        }

        /// <summary>Gives the addition up (unless completed): what it joined is deleted from the index.</summary>
        public void Dispose()
        {
            if (!chunks.IsAddingCompleted)
                chunks.CompleteAdding();
            if (!done)
            {
                while (chunks.TryTake(out _))
                {
                    // not written: given up
                }
                foreach (var worker in workers)
                    worker.Join();
                index.Writer.DeleteDocuments([.. joined.Select(id => new Term(Id, id.ToString("N")))]);
                // Place() moved the order key past items that are not in the index: read it again from the index.
                lock (index.order)
                    (index.lastSequence, index.lastLetterSequence) = (null, null);
                done = true;
            }
            if (System.IO.Directory.Exists(folder))
                System.IO.Directory.Delete(folder, recursive: true);
        }
    }
}
